using FollowerLoop.Storage;
using FollowerLoop.Time;
using Hangfire;

namespace FollowerLoop.Tracking;

/// <summary>
/// Turns a post's checkpoints into durable Hangfire jobs: the baseline at once, the others as delayed
/// jobs at posted_at + 2/6/12/24/48h (converted to real time when the clock is accelerated).
/// </summary>
public sealed class CheckpointScheduler(IBackgroundJobClient jobs, PostStore posts, TimeProvider time) : ICheckpointScheduler
{
    public async Task<bool> StartTrackingAsync(PostRecord post, IReadOnlySet<CheckpointPhase> alreadyRecorded, CancellationToken cancellationToken)
    {
        if (!await posts.ClaimTrackingAsync(post.TweetId, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        foreach (var phase in CheckpointPhases.All.Where(p => !alreadyRecorded.Contains(p)))
        {
            ScheduleAt(post.TweetId, phase, post.PostedAt + phase.Offset(), attempt: 1);
        }

        return true;
    }

    /// <summary>Runs each overdue phase now: its delayed job was lost (with its storage, say).</summary>
    public Task<bool> CatchUpAsync(PostRecord post, IReadOnlySet<CheckpointPhase> alreadyRecorded, IReadOnlyList<CheckpointPhase> overdue, CancellationToken cancellationToken)
    {
        foreach (var phase in overdue)
        {
            ScheduleAt(post.TweetId, phase, time.GetUtcNow(), attempt: 1);
        }

        return Task.FromResult(overdue.Count > 0);
    }

    /// <summary>Runs the checkpoint at <paramref name="dueAt"/> (virtual time), or now if that has passed.</summary>
    public string ScheduleAt(string postId, CheckpointPhase phase, DateTimeOffset dueAt, int attempt)
    {
        var delay = dueAt - time.GetUtcNow();
        return delay <= TimeSpan.Zero
            ? jobs.Enqueue<CheckpointJob>(job => job.RunAsync(postId, phase, attempt, CancellationToken.None))
            : jobs.Schedule<CheckpointJob>(job => job.RunAsync(postId, phase, attempt, CancellationToken.None), time.ToReal(delay));
    }
}
