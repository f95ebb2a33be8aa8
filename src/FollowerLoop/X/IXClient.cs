namespace FollowerLoop.X;

/// <summary>
/// Everything FollowerLoop does on X. Implemented by the browser (Playwright) and the
/// official API v2 (XClient:Provider chooses). Counts that cannot be read come back as null (unknown), never 0.
/// Failures throw <see cref="XClientException"/>; its <see cref="XClientException.IsRetryable"/>
/// tells the job engine whether trying again can help.
/// </summary>
public interface IXClient
{
    Task<PostedTweet> PostAsync(string text, CancellationToken cancellationToken);

    Task<PostedTweet> ReplyAsync(string inReplyToTweetId, string text, CancellationToken cancellationToken);

    Task<TweetMetrics> GetTweetMetricsAsync(string handle, string tweetId, CancellationToken cancellationToken);

    Task<ProfileStats> GetProfileAsync(string handle, CancellationToken cancellationToken);

    Task<IReadOnlyList<FoundTweet>> SearchRecentAsync(string query, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The newest posts that summoned the account (replies to its posts, mentions, quotes), newest first,
    /// at most <paramref name="limit"/>, only those newer than <paramref name="sinceId"/> when given.
    /// </summary>
    Task<IReadOnlyList<Mention>> GetMentionsAsync(int limit, string? sinceId, CancellationToken cancellationToken);
}
