using System.Text.Json;
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
    ILogger<DurableCheckpointScheduler> logger) : ICheckpointScheduler
{
    // Another start while one of these exists is refused by the backend as well as by the check below.
    private static readonly OrchestrationRuntimeStatus[] Live =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended, OrchestrationRuntimeStatus.Completed];

    private static readonly OrchestrationRuntimeStatus[] Running =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    private static readonly OrchestrationRuntimeStatus[] Started =
        [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended, OrchestrationRuntimeStatus.Completed];

    // A terminate is a message the instance handles on its next episode: usually within a second or two.
    private static readonly TimeSpan TerminationWait = TimeSpan.FromSeconds(30);

    // Real time this process began to watch: after an outage the orchestrations that fell due meanwhile are woken by
    // their own timers once the engine has its partitions back, so none is called stuck before this process has waited.
    private readonly DateTimeOffset _watchingSince = time.ToRealTime(time.GetUtcNow());

    /// <summary>The orchestration instance id of a post's tracking.</summary>
    public static string InstanceId(string postId) => $"track-post-{postId}";

    public async Task<bool> StartTrackingAsync(PostRecord post, IReadOnlySet<CheckpointPhase> alreadyRecorded, CancellationToken cancellationToken)
    {
        if (!await posts.ClaimTrackingAsync(post.TweetId, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        var existing = await client.GetInstanceAsync(InstanceId(post.TweetId), getInputsAndOutputs: false, cancellationToken);
        await StartUnlessLiveAsync(post, alreadyRecorded, existing, cancellationToken);
        return true;
    }

    /// <summary>
    /// A live orchestration catches up by itself (its timers fire once the host is back). One that failed
    /// or was terminated, or that is missing (a task hub wiped), is started again for the phases with no row;
    /// so is a live one that has made no progress for <see cref="TrackingOptions.StuckAfter"/> past its next due
    /// moment: the message that would wake it was lost with its storage's last writes.
    /// </summary>
    public async Task<bool> CatchUpAsync(PostRecord post, IReadOnlySet<CheckpointPhase> alreadyRecorded, IReadOnlyList<CheckpointPhase> overdue, CancellationToken cancellationToken)
    {
        var instanceId = InstanceId(post.TweetId);
        // With inputs: the Functions host's client leaves the custom status (its next due moment) out otherwise.
        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (existing is not null && QuietSince(existing) is { } since)
        {
            Log.TrackingOrchestrationStuck(logger, post.TweetId, instanceId, since);
            if (existing.RuntimeStatus == OrchestrationRuntimeStatus.Pending)
            {
                // Its start message was lost: nothing runs to terminate, and a start over a pending instance replaces it.
                await ScheduleAsync(post, alreadyRecorded, Started, cancellationToken);
                return true;
            }

            try
            {
                await ReplaceAsync(post, alreadyRecorded, $"no progress since {since:O}: replaced by the reconciler", cancellationToken);
                return true;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Its partition is not being processed yet: the next run finds it terminated (and starts it) or tries again.
                Log.TerminationNotYetProcessed(logger, post.TweetId, instanceId, TerminationWait);
                return false;
            }
        }

        return await StartUnlessLiveAsync(post, alreadyRecorded, existing, cancellationToken);
    }

    /// <returns>Whether an orchestration was started (false: a live one exists).</returns>
    private async Task<bool> StartUnlessLiveAsync(PostRecord post, IReadOnlySet<CheckpointPhase> alreadyRecorded, OrchestrationMetadata? existing, CancellationToken cancellationToken)
    {
        var instanceId = InstanceId(post.TweetId);
        if (existing is not null && Live.Contains(existing.RuntimeStatus))
        {
            Log.TrackingOrchestrationExists(logger, post.TweetId, instanceId, existing.RuntimeStatus.ToString());
            return false;
        }

        await ScheduleAsync(post, alreadyRecorded, Live, cancellationToken);
        return true;
    }

    /// <summary>
    /// When a running orchestration was last seen to move, was next due or began to be watched by this process (real time,
    /// the latest of the three), if that is longer ago than <see cref="TrackingOptions.StuckAfter"/>; null for one still
    /// expected to move, or not running.
    /// </summary>
    private DateTimeOffset? QuietSince(OrchestrationMetadata instance)
    {
        if (instance.RuntimeStatus is not (OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending))
        {
            return null;
        }

        var status = instance.SerializedCustomStatus is { } json ? JsonSerializer.Deserialize<TrackPostStatus>(json, JsonSerializerOptions.Web) : null;
        var since = new[] { status?.NextDueAt ?? DateTimeOffset.MinValue, instance.LastUpdatedAt, _watchingSince }.Max();
        return time.ToRealTime(time.GetUtcNow()) - since > options.Value.StuckAfter ? since : null;
    }

    /// <summary>Stops the post's tracking (from the dashboard): its orchestration is terminated; phases already recorded stay.</summary>
    /// <returns>False when no live orchestration was there to terminate.</returns>
    public async Task<bool> TerminateAsync(string postId, string reason, CancellationToken cancellationToken)
    {
        var existing = await client.GetInstanceAsync(InstanceId(postId), getInputsAndOutputs: false, cancellationToken);
        if (existing is null || !Running.Contains(existing.RuntimeStatus))
        {
            return false;
        }

        await client.TerminateInstanceAsync(InstanceId(postId), new TerminateInstanceOptions { Output = reason }, cancellationToken);
        return true;
    }

    /// <summary>
    /// Tracks the post again from the dashboard: a running orchestration is terminated and a new one, under the
    /// same id, waits for the phases that have no row yet (none: it completes at once).
    /// </summary>
    /// <returns>How many phases the new orchestration tracks.</returns>
    public Task<int> RestartAsync(PostRecord post, IReadOnlySet<CheckpointPhase> alreadyRecorded, CancellationToken cancellationToken) =>
        ReplaceAsync(post, alreadyRecorded, "restarted from the dashboard", cancellationToken);

    private async Task<int> ReplaceAsync(PostRecord post, IReadOnlySet<CheckpointPhase> alreadyRecorded, string reason, CancellationToken cancellationToken)
    {
        var instanceId = InstanceId(post.TweetId);
        if (await TerminateAsync(post.TweetId, reason, cancellationToken))
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TerminationWait);
            await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: false, wait.Token);
        }

        return await ScheduleAsync(post, alreadyRecorded, Running, cancellationToken);
    }

    /// <summary>Starts the post's orchestration for the phases with no row (refused by the backend while one in <paramref name="dedupe"/> exists) and logs it.</summary>
    /// <returns>How many phases it tracks.</returns>
    private async Task<int> ScheduleAsync(PostRecord post, IReadOnlySet<CheckpointPhase> alreadyRecorded, OrchestrationRuntimeStatus[] dedupe, CancellationToken cancellationToken)
    {
        var phases = CheckpointPhases.All
            .Where(p => !alreadyRecorded.Contains(p))
            .Select(p => new PhaseDue(p.ToColumn(), time.ToRealTime(post.PostedAt + p.Offset())))
            .ToList();
        var input = new TrackPostInput(post.TweetId, phases, options.Value.MaxAttempts, time.ToReal(options.Value.RetryBaseDelay));
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(
            TrackPostOrchestrator.Name,
            input,
            new StartOrchestrationOptions(InstanceId(post.TweetId)).WithDedupeStatuses(dedupe),
            cancellationToken);
        Log.TrackingOrchestrationStarted(logger, post.TweetId, instanceId, phases.Count);
        return phases.Count;
    }
}
