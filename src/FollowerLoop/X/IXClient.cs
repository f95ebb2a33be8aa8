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
}
