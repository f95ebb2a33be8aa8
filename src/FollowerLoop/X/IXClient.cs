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

    /// <summary>
    /// The metrics of several of <paramref name="handle"/>'s recent posts at once: the browser reads them from the account's
    /// timeline (one page, scrolled as far as needed), the API in batches of 100. A post the read did not reach (a reply,
    /// which the Posts tab leaves out) or could not read is left out, for the caller to read on its own. This default
    /// reads them one by one.
    /// </summary>
    async Task<IReadOnlyList<TweetMetrics>> GetRecentMetricsAsync(string handle, IReadOnlyCollection<string> tweetIds, CancellationToken cancellationToken)
    {
        var read = new List<TweetMetrics>(tweetIds.Count);
        foreach (var tweetId in tweetIds)
        {
            try
            {
                read.Add(await GetTweetMetricsAsync(handle, tweetId, cancellationToken));
            }
            catch (XClientException ex) when (ex.IsGone)
            {
                // That post alone is gone; the others are still worth reading.
            }
        }

        return read;
    }

    Task<ProfileStats> GetProfileAsync(string handle, CancellationToken cancellationToken);

    Task<IReadOnlyList<FoundTweet>> SearchRecentAsync(string query, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The newest posts that summoned the account (replies to its posts, mentions, quotes), newest first,
    /// at most <paramref name="limit"/>, only those newer than <paramref name="sinceId"/> when given.
    /// </summary>
    Task<IReadOnlyList<Mention>> GetMentionsAsync(int limit, string? sinceId, CancellationToken cancellationToken);
}
