using FollowerLoop.Cache;
using FollowerLoop.Storage;
using FollowerLoop.X;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Tracking;

/// <summary>
/// Latest metrics of the posts from the last 48h into unified_outcomes and Redis (<c>metrics:{post}</c>): read together
/// (<see cref="IXClient.GetRecentMetricsAsync"/>: one timeline page on the browser, batches of 100 on the API), and the
/// few the timeline does not show (replies) one by one.
/// </summary>
public sealed class AnalyticsJob(
    PostStore posts,
    TrackingCache tracking,
    IXClient x,
    IOptions<AccountOptions> account,
    TimeProvider time,
    ILogger<AnalyticsJob> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var live = await posts.GetPostedSinceAsync(account.Value.Handle, now - CheckpointPhase.Hours48.Offset(), cancellationToken);
        if (live.Count == 0)
        {
            return;
        }

        // One read for them all (the account's timeline, or the API's batches); what it did not reach, one by one.
        IReadOnlyList<TweetMetrics> together;
        try
        {
            together = await x.GetRecentMetricsAsync(account.Value.Handle, live.Select(post => post.TweetId).ToList(), cancellationToken);
        }
        catch (XClientException ex)
        {
            // Reading each post instead would only spend more of what X just refused: the next run tries again.
            Log.AnalyticsReadFailed(logger, $"{live.Count} posts", ex.Message);
            return;
        }

        var read = together.ToDictionary(metrics => metrics.TweetId, StringComparer.Ordinal);
        foreach (var post in live)
        {
            if ((read.GetValueOrDefault(post.TweetId) ?? await ReadAloneAsync(post, cancellationToken)) is { } metrics)
            {
                await RecordAsync(post, metrics, cancellationToken);
            }
        }
    }

    private async Task<TweetMetrics?> ReadAloneAsync(PostRecord post, CancellationToken cancellationToken)
    {
        try
        {
            return await x.GetTweetMetricsAsync(post.Account, post.TweetId, cancellationToken);
        }
        catch (XClientException ex)
        {
            Log.AnalyticsReadFailed(logger, post.TweetId, ex.Message);
            return null;
        }
    }

    private async Task RecordAsync(PostRecord post, TweetMetrics metrics, CancellationToken cancellationToken)
    {
        var collectedAt = time.GetUtcNow();
        await tracking.RecordLatestAsync(
            new UnifiedOutcome
            {
                DecisionId = post.DecisionId,
                PostId = post.TweetId,
                Likes = metrics.Likes,
                Retweets = metrics.Reposts,
                Replies = metrics.Replies,
                Bookmarks = metrics.Bookmarks,
                Views = metrics.Views,
                EngagementRate = EngagementRate(metrics),
                CollectionPhase = CheckpointPhases.All.Last(p => p.Offset() <= collectedAt - post.PostedAt).ToColumn(),
                CollectedAt = collectedAt,
            },
            cancellationToken);
    }

    /// <summary>Interactions per view; unknown when any part is unknown or nothing was viewed.</summary>
    public static double? EngagementRate(TweetMetrics m) =>
        m is { Likes: { } likes, Reposts: { } reposts, Replies: { } replies, Bookmarks: { } bookmarks, Views: > 0 and var views }
            ? (likes + reposts + replies + bookmarks) / (double)views
            : null;
}
