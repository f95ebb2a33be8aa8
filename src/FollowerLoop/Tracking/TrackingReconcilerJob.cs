using FollowerLoop.Storage;
using FollowerLoop.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Tracking;

/// <summary>
/// Every post younger than 48h has all its checkpoints scheduled: repairs a crash between posting and
/// scheduling, and runs any checkpoint that is overdue with no result (a job lost with its storage).
/// </summary>
public sealed class TrackingReconcilerJob(
    PostStore posts,
    TrackingStore tracking,
    ICheckpointScheduler scheduler,
    IOptions<AccountOptions> account,
    IOptions<TrackingOptions> options,
    TimeProvider time,
    ILogger<TrackingReconcilerJob> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var grace = time.ToVirtual(options.Value.OverdueGrace);
        var since = now - CheckpointPhase.Hours48.Offset() - grace - TimeSpan.FromDays(1);
        var recent = await posts.GetPostedSinceAsync(account.Value.Handle, since, cancellationToken);
        var recorded = await tracking.GetRecordedPhasesAsync(account.Value.Handle, since, cancellationToken);

        foreach (var post in recent)
        {
            var done = recorded.GetValueOrDefault(post.TweetId) ?? [];
            if (post.TrackingScheduledAt is null)
            {
                if (await scheduler.StartTrackingAsync(post, done, cancellationToken))
                {
                    Log.TrackingRepaired(logger, post.TweetId, CheckpointPhases.All.Count - done.Count);
                }

                continue;
            }

            var overdue = CheckpointPhases.All.Where(p => !done.Contains(p) && post.PostedAt + p.Offset() + grace < now).ToList();
            // Logged only when something was scheduled: a live orchestration catches up by itself (unless it is stuck).
            if (overdue.Count > 0 && await scheduler.CatchUpAsync(post, done, overdue, cancellationToken))
            {
                foreach (var phase in overdue)
                {
                    Log.OverdueCheckpoint(logger, post.TweetId, phase);
                }
            }
        }
    }
}
