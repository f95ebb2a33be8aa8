using FollowerLoop.Storage;
using FollowerLoop.Tracking;
using Hangfire;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Learning;

/// <summary>One comprehensive_metrics row per post whose 48 hours are over: its features and every outcome, the training row.</summary>
public sealed class OutcomesJob(
    PostStore posts,
    ContentStore content,
    TrackingStore tracking,
    AttributionStore attribution,
    TrainingStore training,
    IOptions<AccountOptions> account,
    TimeProvider time)
{
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(14);

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var all = await posts.GetPostedSinceAsync(account.Value.Handle, now - Lookback - TimeSpan.FromDays(1), cancellationToken);
        DateTimeOffset? previous = null;
        foreach (var post in all)
        {
            var hoursSincePrevious = previous is { } p ? (post.PostedAt - p).TotalHours : (double?)null;
            previous = post.PostedAt;
            if (now - post.PostedAt < CheckpointPhase.Hours48.Offset() || now - post.PostedAt > Lookback)
            {
                continue;
            }

            var item = await content.GetAsync(post.DecisionId, cancellationToken);
            if (item is not null)
            {
                await training.UpsertAsync(await BuildAsync(post, item, hoursSincePrevious, now, cancellationToken), cancellationToken);
            }
        }
    }

    private async Task<TrainingRow> BuildAsync(PostRecord post, ContentItem item, double? hoursSincePrevious, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var velocity = (await tracking.GetVelocityAsync(post.TweetId, cancellationToken))
            .Where(r => r.Status == CheckpointStatus.Measured)
            .ToDictionary(r => r.Phase);
        var followers = (await tracking.GetFollowersAsync(post.TweetId, cancellationToken))
            .Where(r => r.Status == CheckpointStatus.Measured)
            .ToDictionary(r => r.Phase, r => r.Followers);
        var attributed = (await attribution.GetForPostAsync(post.TweetId, cancellationToken)).ToDictionary(a => a.Method, a => a.AttributedFollowers);

        var at2 = velocity.GetValueOrDefault("2h");
        var at24 = velocity.GetValueOrDefault("24h");
        var at48 = velocity.GetValueOrDefault("48h");
        var before = followers.GetValueOrDefault("baseline");
        var after = followers.GetValueOrDefault("48h");
        return new TrainingRow
        {
            PostId = post.TweetId,
            DecisionId = post.DecisionId,
            Account = post.Account,
            Kind = item.Kind,
            Format = item.Format,
            Topic = item.Topic,
            Hook = item.Hook,
            Features = item.Features,
            PostedAt = post.PostedAt,
            HourOfDay = (short)post.PostedAt.UtcDateTime.Hour,
            DayOfWeek = (short)post.PostedAt.UtcDateTime.DayOfWeek,
            HoursSincePrevious = hoursSincePrevious,
            FollowersAtPost = before,
            Likes2h = at2?.Likes,
            Retweets2h = at2?.Retweets,
            Replies2h = at2?.Replies,
            Views2h = at2?.Views,
            Likes24h = at24?.Likes,
            Retweets24h = at24?.Retweets,
            Replies24h = at24?.Replies,
            Bookmarks24h = at24?.Bookmarks,
            Views24h = at24?.Views,
            Likes48h = at48?.Likes,
            Views48h = at48?.Views,
            Engagement24h = at24 is { Likes: { } l, Retweets: { } r, Replies: { } p, Bookmarks: { } b } ? l + r + p + b : null,
            FollowersGainedNaive = before is { } b0 && after is { } b48 ? b48 - b0 : null,
            AttributedFollowers = attributed.GetValueOrDefault(AttributionMethod.EngagementShare) ?? attributed.GetValueOrDefault(AttributionMethod.Naive),
            ComputedAt = now,
        };
    }
}
