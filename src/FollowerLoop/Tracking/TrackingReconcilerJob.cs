using FollowerLoop.Storage;
using FollowerLoop.Time;
using Hangfire;
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
    CheckpointScheduler scheduler,
    IOptions<AccountOptions> account,
    IOptions<TrackingOptions> options,
    TimeProvider time,
    ILogger<TrackingReconcilerJob> logger)
{
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 2)]
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
                await scheduler.StartTrackingAsync(post, done, cancellationToken);
                Log.TrackingRepaired(logger, post.TweetId, CheckpointPhases.All.Count - done.Count);
                continue;
            }

            foreach (var phase in CheckpointPhases.All.Where(p => !done.Contains(p) && post.PostedAt + p.Offset() + grace < now))
            {
                scheduler.ScheduleAt(post.TweetId, phase, now, attempt: 1);
                Log.OverdueCheckpoint(logger, post.TweetId, phase);
            }
        }
    }
}
