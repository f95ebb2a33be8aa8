using FollowerLoop.X.Browser;

namespace FollowerLoop.X.Api;

/// <summary>
/// <c>XClient:Provider = ApiReadsBrowserPosts</c>: exact, cheap reads (mentions included) through the API (pay-per-use
/// reads cost little) while posts and replies go through the logged-in browser (no write access needed).
/// </summary>
internal sealed class ApiReadsBrowserPostsClient(XApiClient api, PlaywrightXClient browser) : IXClient
{
    public Task<PostedTweet> PostAsync(string text, CancellationToken cancellationToken) =>
        browser.PostAsync(text, cancellationToken);

    public Task<PostedTweet> ReplyAsync(string inReplyToTweetId, string text, CancellationToken cancellationToken) =>
        browser.ReplyAsync(inReplyToTweetId, text, cancellationToken);

    public Task<TweetMetrics> GetTweetMetricsAsync(string handle, string tweetId, CancellationToken cancellationToken) =>
        api.GetTweetMetricsAsync(handle, tweetId, cancellationToken);

    public Task<IReadOnlyList<TweetMetrics>> GetRecentMetricsAsync(string handle, IReadOnlyCollection<string> tweetIds, CancellationToken cancellationToken) =>
        api.GetRecentMetricsAsync(handle, tweetIds, cancellationToken);

    public Task<ProfileStats> GetProfileAsync(string handle, CancellationToken cancellationToken) =>
        api.GetProfileAsync(handle, cancellationToken);

    public Task<IReadOnlyList<FoundTweet>> SearchRecentAsync(string query, int limit, CancellationToken cancellationToken) =>
        api.SearchRecentAsync(query, limit, cancellationToken);

    public Task<IReadOnlyList<Mention>> GetMentionsAsync(int limit, string? sinceId, CancellationToken cancellationToken) =>
        api.GetMentionsAsync(limit, sinceId, cancellationToken);
}
