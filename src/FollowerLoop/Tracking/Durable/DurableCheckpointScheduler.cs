using FollowerLoop.Storage;
using FollowerLoop.Time;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Tracking.Durable;

/// <summary>
/// The Durable engine's tracking: one <see cref="TrackPostOrchestrator"/> per post, its instance id
/// derived from the post, so starting it twice is harmless. Due times are converted to real time here
/// (the accelerated clock's factor), once, at start.
/// </summary>
public sealed class DurableCheckpointScheduler(
    DurableTaskClient client,
    PostStore posts,
    IOptions<TrackingOptions> options,
    TimeProvider time,
    ILogger<DurableCheckpointScheduler> logger) : ICheckpointScheduler, IDisposable
{
    // Posting and the reconciler may start the same post's tracking a moment apart: in one process the look-up
    // and the start are one step, so the Azure Storage provider never sees two starts of one instance.
    private readonly SemaphoreSlim _starting = new(1, 1);

    // Another start while one of these exists is refused by the backend as well as by the check below.
    private static readonly OrchestrationRuntimeStatus[] Live =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended, OrchestrationRuntimeStatus.Completed];

    /// <summary>The orchestration instance id of a post's tracking.</summary>
    public static string InstanceId(string postId) => $"track-post-{postId}";

    public async Task StartTrackingAsync(PostRecord post, IReadOnlySet<CheckpointPhase> alreadyRecorded, CancellationToken cancellationToken)
    {
        await StartUnlessLiveAsync(post, alreadyRecorded, cancellationToken);
        await posts.MarkTrackingScheduledAsync(post.TweetId, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// A live orchestration catches up by itself (its timers fire once the host is back). One that failed
    /// or was terminated, or that is missing (a task hub wiped), is started again for the phases with no row.
    /// </summary>
    public Task CatchUpAsync(PostRecord post, IReadOnlySet<CheckpointPhase> alreadyRecorded, IReadOnlyList<CheckpointPhase> overdue, CancellationToken cancellationToken) =>
        StartUnlessLiveAsync(post, alreadyRecorded, cancellationToken);

    public void Dispose() => _starting.Dispose();

    private async Task StartUnlessLiveAsync(PostRecord post, IReadOnlySet<CheckpointPhase> alreadyRecorded, CancellationToken cancellationToken)
    {
        await _starting.WaitAsync(cancellationToken);
        try
        {
            await StartUnlessLiveLockedAsync(post, alreadyRecorded, cancellationToken);
        }
        finally
        {
            _starting.Release();
        }
    }

    private async Task StartUnlessLiveLockedAsync(PostRecord post, IReadOnlySet<CheckpointPhase> alreadyRecorded, CancellationToken cancellationToken)
    {
        var instanceId = InstanceId(post.TweetId);
        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (existing is not null && Live.Contains(existing.RuntimeStatus))
        {
            Log.TrackingOrchestrationExists(logger, post.TweetId, instanceId, existing.RuntimeStatus.ToString());
            return;
        }

        var phases = CheckpointPhases.All
            .Where(p => !alreadyRecorded.Contains(p))
            .Select(p => new PhaseDue(p.ToColumn(), time.ToRealTime(post.PostedAt + p.Offset())))
            .ToList();
        var input = new TrackPostInput(post.TweetId, phases, options.Value.MaxAttempts, time.ToReal(options.Value.RetryBaseDelay));
        await client.ScheduleNewOrchestrationInstanceAsync(
            TrackPostOrchestrator.Name,
            input,
            new StartOrchestrationOptions(instanceId).WithDedupeStatuses(Live),
            cancellationToken);
        Log.TrackingOrchestrationStarted(logger, post.TweetId, instanceId, phases.Count);
    }
}
