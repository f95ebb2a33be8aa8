using System.Collections.Concurrent;
using FollowerLoop.X;

namespace FollowerLoop.Tests.Tracking.Durable;

/// <summary>
/// An X client for engine tests: fixed counts, every read counted per post, and optionally the first
/// metrics reads of a post refused as rate limited (with a reset), as the API client refuses them.
/// </summary>
internal sealed class ScriptedXClient(TimeProvider time) : IXClient
{
    private readonly ConcurrentDictionary<string, int> _reads = new();

    /// <summary>Metrics reads of this post that fail as rate limited before the next one succeeds.</summary>
    public ConcurrentDictionary<string, int> RateLimitedReads { get; } = new();

    public TimeSpan RateLimitReset { get; set; } = TimeSpan.FromMinutes(15);

    public int ReadsOf(string tweetId) => _reads.GetValueOrDefault(tweetId);

    public Task<TweetMetrics> GetTweetMetricsAsync(string handle, string tweetId, CancellationToken cancellationToken)
    {
        _reads.AddOrUpdate(tweetId, 1, (_, n) => n + 1);
        if (RateLimitedReads.TryGetValue(tweetId, out var left) && left > 0)
        {
            RateLimitedReads[tweetId] = left - 1;
            throw new XClientException("rate limited (429)", isRetryable: true) { RetryAfter = RateLimitReset };
        }

        return Task.FromResult(new TweetMetrics(handle, tweetId, 2, 3, 40, 1, 900, time.GetUtcNow()));
    }

    public Task<ProfileStats> GetProfileAsync(string handle, CancellationToken cancellationToken) =>
        Task.FromResult(new ProfileStats(handle, 1_000, 100, FollowersExact: true, time.GetUtcNow()));

    public Task<PostedTweet> PostAsync(string text, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<PostedTweet> ReplyAsync(string inReplyToTweetId, string text, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<FoundTweet>> SearchRecentAsync(string query, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FoundTweet>>([]);

    public Task<IReadOnlyList<Mention>> GetMentionsAsync(int limit, string? sinceId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Mention>>([]);
}
