using FollowerLoop.Cache;
using FollowerLoop.Learning;
using FollowerLoop.Storage;
using FollowerLoop.Time;
using FollowerLoop.X;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Tracking;

/// <summary>
/// Measures one post at one phase: its metrics and the account's followers, upserted on (post, phase).
/// Every engine calls this; the engine decides when a retry runs. On the last attempt a failure is
/// recorded with NULL values, never 0; a session X sent to its login page waits for a new login
/// (<see cref="TrackingOptions.LoginWait"/>) instead. Safe to run again: a measured phase is not read or written twice.
/// </summary>
public sealed class CheckpointMeasurer(
    PostStore posts,
    TrackingCache tracking,
    IXClient x,
    ProfileReader profiles,
    EarlyCall earlyCall,
    IOptions<TrackingOptions> options,
    TimeProvider time,
    ILogger<CheckpointMeasurer> logger)
{
    private static readonly CheckpointOutcome Skipped = new(CheckpointOutcomeKind.Skipped);

    /// <summary>
    /// <see cref="MeasureAsync"/>, once the phase is due on the account's clock. The engines' timers run on the
    /// real clock: an accelerated clock that was held (the demo holds it while a reading is taken) can still be
    /// short of the due time when the timer fires, and a reading taken then would be early.
    /// </summary>
    public Task<CheckpointOutcome> MeasureWhenDueAsync(string postId, CheckpointPhase phase, int attempt, bool lastAttempt, CancellationToken cancellationToken) =>
        MeasureAsync(postId, phase, attempt, lastAttempt, waitUntilDue: true, cancellationToken);

    /// <param name="lastAttempt">True when a failure must be recorded rather than retried.</param>
    public Task<CheckpointOutcome> MeasureAsync(string postId, CheckpointPhase phase, int attempt, bool lastAttempt, CancellationToken cancellationToken) =>
        MeasureAsync(postId, phase, attempt, lastAttempt, waitUntilDue: false, cancellationToken);

    // The post is read once for both the due time and the reading.
    private async Task<CheckpointOutcome> MeasureAsync(string postId, CheckpointPhase phase, int attempt, bool lastAttempt, bool waitUntilDue, CancellationToken cancellationToken)
    {
        var post = await posts.GetByTweetIdAsync(postId, cancellationToken);
        if (post is not null && waitUntilDue)
        {
            await time.DelayUntilAsync(post.PostedAt + phase.Offset(), cancellationToken);
        }

        if (post is null)
        {
            Log.CheckpointForUnknownPost(logger, postId, phase);
            return Skipped;
        }

        if (await tracking.IsPhaseMeasuredAsync(postId, phase, cancellationToken))
        {
            return Skipped;
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
        if (failure is { IsRetryable: true } && !lastAttempt)
        {
            return new CheckpointOutcome(CheckpointOutcomeKind.Retry, failure.RetryAfter, failure.Message);
        }

        var dueAt = post.PostedAt + phase.Offset();
        var checkedAt = time.GetUtcNow();
        // The counts are still there once a person logs in again: a late reading (its time is kept) beats a lost one.
        var loggedOut = new[] { metricsError, profileError }.FirstOrDefault(e => e is { NeedsLogin: true });
        if (loggedOut is not null && options.Value.LoginWait > TimeSpan.Zero && checkedAt - dueAt < options.Value.LoginWait)
        {
            Log.CheckpointAwaitsLogin(logger, postId, phase, options.Value.LoginRetryInterval, loggedOut.Message);
            return new CheckpointOutcome(CheckpointOutcomeKind.Retry, options.Value.LoginRetryInterval, loggedOut.Message, AwaitingLogin: true);
        }

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
                Quotes = metrics?.Quotes,
                UrlLinkClicks = metrics?.LinkClicks,
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
                // The post's own count, read with its metrics: kept even when the profile read failed.
                ProfileViews = metrics?.ProfileClicks,
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

        return failure is null
            ? new CheckpointOutcome(CheckpointOutcomeKind.Measured)
            : new CheckpointOutcome(CheckpointOutcomeKind.Failed, Reason: failure.Message);
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
