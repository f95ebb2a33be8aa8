using FollowerLoop.Storage;
using FollowerLoop.Tracking;
using Hangfire;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Learning;

/// <summary>
/// Follower gain per post. This version records the naive method (48h minus baseline) for every post
/// whose two checkpoints were measured; the learning issue adds the engagement-share method beside it.
/// </summary>
public sealed class AttributionJob(PostStore posts, TrackingStore tracking, AttributionStore attribution, IOptions<AccountOptions> account, TimeProvider time)
{
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(7);

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = new List<PostAttribution>();
        foreach (var post in await posts.GetPostedSinceAsync(account.Value.Handle, now - Lookback, cancellationToken))
        {
            var followers = (await tracking.GetFollowersAsync(post.TweetId, cancellationToken))
                .Where(r => r.Status == CheckpointStatus.Measured)
                .ToDictionary(r => r.Phase, r => r.Followers);
            if (followers.GetValueOrDefault(CheckpointPhase.Baseline.ToColumn()) is { } before
                && followers.GetValueOrDefault(CheckpointPhase.Hours48.ToColumn()) is { } after)
            {
                rows.Add(new PostAttribution(post.TweetId, AttributionMethod.Naive, after - before, post.PostedAt, post.PostedAt + CheckpointPhase.Hours48.Offset(), now));
            }
        }

        await attribution.UpsertAsync(rows, cancellationToken);
    }
}
