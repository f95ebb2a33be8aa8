using FollowerLoop.Cache;
using FollowerLoop.Jobs;
using FollowerLoop.Learning;
using FollowerLoop.Storage;
using FollowerLoop.X;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Tracking;

/// <summary>
/// Measures one post at one phase: its metrics and the account's followers, upserted on
/// (post, phase). A failed read is retried with backoff on the job's own clock; after the last attempt
/// the phase is recorded as failed with NULL values, never 0.
/// </summary>
public sealed class CheckpointJob(
    PostStore posts,
    TrackingCache tracking,
    IXClient x,
    ProfileReader profiles,
    CheckpointScheduler scheduler,
    EarlyCall earlyCall,
    IOptions<TrackingOptions> options,
    TimeProvider time,
    ILogger<CheckpointJob> logger)
{
    // Hangfire's own retries cover what is not X's fault (Postgres briefly away); X failures are
    // retried below, with delays that follow the (possibly accelerated) clock.
    [Queue(JobQueues.Checkpoints)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [2, 10, 30])]
    [JobDisplayName("Checkpoint {1} of post {0} (attempt {2})")]
    public async Task RunAsync(string postId, CheckpointPhase phase, int attempt, CancellationToken cancellationToken)
    {
        var post = await posts.GetByTweetIdAsync(postId, cancellationToken);
        if (post is null)
        {
            Log.CheckpointForUnknownPost(logger, postId, phase);
            return;
        }

        if (await tracking.IsPhaseMeasuredAsync(postId, phase, cancellationToken))
        {
            return;
        }

        var (metrics, metricsError) = await TryReadAsync(() => x.GetTweetMetricsAsync(post.Account, postId, cancellationToken));
        var (profile, profileError) = await TryReadAsync(() => profiles.ReadAsync(cancellationToken));
        // A page that loaded without the counts (x.com left the action bar out) is a failed read, not a measurement.
        if (metrics is { Likes: null, Reposts: null, Replies: null, Bookmarks: null, Views: null })
        {
            (metrics, metricsError) = (null, new XClientException("the post's page showed none of its counts", isRetryable: true));
        }

        if (profile is { Followers: null })
        {
            (profile, profileError) = (null, new XClientException("the profile showed no follower count", isRetryable: true));
        }
        var failure = metricsError ?? profileError;
        if (failure is { IsRetryable: true } && attempt < options.Value.MaxAttempts)
        {
            var delay = options.Value.RetryBaseDelay * Math.Pow(2, attempt - 1);
            scheduler.ScheduleAt(postId, phase, time.GetUtcNow() + delay, attempt + 1);
            Log.CheckpointRetry(logger, postId, phase, attempt, delay, failure.Message);
            return;
        }

        var dueAt = post.PostedAt + phase.Offset();
        var checkedAt = time.GetUtcNow();
        var hours = (checkedAt - post.PostedAt).TotalHours;
        await tracking.RecordCheckpointAsync(
            new VelocityCheckpoint
            {
                PostId = postId,
                Phase = phase.ToColumn(),
                Status = metrics is null ? CheckpointStatus.Failed : CheckpointStatus.Measured,
                Likes = metrics?.Likes,
                Retweets = metrics?.Reposts,
                Replies = metrics?.Replies,
                Bookmarks = metrics?.Bookmarks,
                Views = metrics?.Views,
                HoursAfterPost = hours,
                DueAt = dueAt,
                CheckedAt = checkedAt,
                Attempts = attempt,
                Error = metricsError?.Message,
            },
            new FollowerCheckpoint
            {
                PostId = postId,
                Phase = phase.ToColumn(),
                Status = profile is null ? CheckpointStatus.Failed : CheckpointStatus.Measured,
                Followers = profile?.Followers,
                FollowersExact = profile?.FollowersExact,
                HoursAfterPost = hours,
                DueAt = dueAt,
                CheckedAt = checkedAt,
                Attempts = attempt,
                Error = profileError?.Message,
            },
            cancellationToken);

        if (failure is null)
        {
            Log.CheckpointMeasured(logger, postId, phase, checkedAt - dueAt);
        }
        else
        {
            Log.CheckpointFailed(logger, postId, phase, attempt, failure.Message);
        }

        // After the checkpoint is safely recorded; a failing call is logged and must not fail the checkpoint.
        if (phase == CheckpointPhase.Hours2 && metrics is not null)
        {
            try
            {
                await earlyCall.MakeAsync(post, metrics, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                Log.EarlyCallFailed(logger, postId, ex);
            }
        }
    }

    private static async Task<(T? Value, XClientException? Error)> TryReadAsync<T>(Func<Task<T>> read)
        where T : class
    {
        try
        {
            return (await read(), null);
        }
        catch (XClientException ex)
        {
            return (null, ex);
        }
    }
}
