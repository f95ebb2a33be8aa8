using System.Text.Json.Nodes;
using FollowerLoop.X.Browser;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.X.Api;

/// <summary>
/// <see cref="IXClient"/> over the official X API v2 with a user token. Counts are X's exact ones;
/// metrics reads of posts due together share one request (<see cref="TweetMetricsBatcher"/>).
/// </summary>
internal sealed class XApiClient : IXClient
{
    /// <summary>X gives non-public metrics only for posts under 30 days.</summary>
    private static readonly TimeSpan NonPublicMetricsAge = TimeSpan.FromDays(30);

    private const int MinSearchResults = 10;
    private const int MaxSearchResults = 100;
    private const int MinMentionResults = 5;

    private readonly XApiConnection _connection;
    private readonly TweetMetricsBatcher _metrics;
    private readonly string _handle;
    private readonly TimeProvider _time;
    private readonly ILogger<XApiClient> _logger;
    private readonly XApiOwnAccount _own;

    public XApiClient(
        XApiConnection connection,
        TweetMetricsBatcher metrics,
        XApiOwnAccount own,
        IOptions<XClientOptions> account,
        TimeProvider time,
        ILogger<XApiClient> logger)
    {
        _connection = connection;
        _metrics = metrics;
        _own = own;
        _handle = account.Value.Handle;
        _time = time;
        _logger = logger;
    }

    public Task<PostedTweet> PostAsync(string text, CancellationToken cancellationToken)
    {
        ThrowIfRefused(text);
        return CreateAsync(new JsonObject { ["text"] = text }, cancellationToken);
    }

    public Task<PostedTweet> ReplyAsync(string inReplyToTweetId, string text, CancellationToken cancellationToken)
    {
        XIdentifiers.ThrowIfNotTweetId(inReplyToTweetId);
        ThrowIfRefused(text);
        return CreateAsync(new JsonObject { ["text"] = text, ["reply"] = new JsonObject { ["in_reply_to_tweet_id"] = inReplyToTweetId } }, cancellationToken);
    }

    public Task<TweetMetrics> GetTweetMetricsAsync(string handle, string tweetId, CancellationToken cancellationToken)
    {
        XIdentifiers.ThrowIfNotHandle(handle);
        XIdentifiers.ThrowIfNotTweetId(tweetId);
        var ownRecentPost = string.Equals(handle, _handle, StringComparison.OrdinalIgnoreCase)
            && Snowflake.TimeOf(tweetId) is { } createdAt && _time.GetUtcNow() - createdAt < NonPublicMetricsAge;
        return _metrics.ReadAsync(handle, tweetId, ownRecentPost, cancellationToken);
    }

    /// <summary>All at once, so the batcher sends them together: one request per 100 posts.</summary>
    public async Task<IReadOnlyList<TweetMetrics>> GetRecentMetricsAsync(string handle, IReadOnlyCollection<string> tweetIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tweetIds);
        var reads = tweetIds.Select(tweetId => ReadOrNullAsync(handle, tweetId, cancellationToken)).ToList();
        return (await Task.WhenAll(reads)).OfType<TweetMetrics>().ToList();
    }

    public async Task<ProfileStats> GetProfileAsync(string handle, CancellationToken cancellationToken)
    {
        XIdentifiers.ThrowIfNotHandle(handle);
        const string fields = "user.fields=public_metrics,description";
        XApiUser user;
        if (string.Equals(handle, _handle, StringComparison.OrdinalIgnoreCase))
        {
            var id = await _own.IdAsync(cancellationToken);
            user = XApiResponses.User(await _connection.SendAsync(new XApiRequest(HttpMethod.Get, $"2/users/{id}?{fields}", "GET /2/users/:id"), cancellationToken), "GET /2/users/:id");
        }
        else
        {
            const string endpoint = "GET /2/users/by/username/:username";
            user = XApiResponses.User(await _connection.SendAsync(new XApiRequest(HttpMethod.Get, $"2/users/by/username/{handle}?{fields}", endpoint), cancellationToken), endpoint);
        }

        Log.ProfileRead(_logger, user.Username, user.Followers);
        return new ProfileStats(user.Username, user.Followers, user.Following, FollowersExact: user.Followers is not null, _time.GetUtcNow(), user.Description);
    }

    public async Task<IReadOnlyList<FoundTweet>> SearchRecentAsync(string query, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        const string endpoint = "GET /2/tweets/search/recent";
        // X takes 10–100 per page; asking for fewer than 10 is refused, so ask 10 and keep the first few.
        var pageSize = Math.Clamp(limit, MinSearchResults, MaxSearchResults);
        var root = await _connection.SendAsync(
            new XApiRequest(
                HttpMethod.Get,
                $"2/tweets/search/recent?query={Uri.EscapeDataString(query)}&max_results={pageSize}&expansions=author_id&user.fields=username&tweet.fields=created_at,entities,note_tweet",
                endpoint),
            cancellationToken);
        var found = XApiResponses.Found(root, endpoint).Take(limit).ToList();
        Log.SearchRead(_logger, query, found.Count);
        return found;
    }

    public async Task<IReadOnlyList<Mention>> GetMentionsAsync(int limit, string? sinceId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (sinceId is not null)
        {
            XIdentifiers.ThrowIfNotTweetId(sinceId);
        }

        const string endpoint = "GET /2/users/:id/mentions";
        // X takes 5–100 per page. Replies to the account's posts are in this timeline too: X counts the
        // author being replied to as mentioned.
        var pageSize = Math.Clamp(limit, MinMentionResults, MaxSearchResults);
        var since = sinceId is null ? "" : $"&since_id={sinceId}";
        var root = await _connection.SendAsync(
            new XApiRequest(
                HttpMethod.Get,
                $"2/users/{await _own.IdAsync(cancellationToken)}/mentions?max_results={pageSize}{since}"
                + "&expansions=author_id,referenced_tweets.id&tweet.fields=created_at,conversation_id,referenced_tweets,entities,note_tweet&user.fields=username",
                endpoint),
            cancellationToken);
        var mentions = XApiResponses.Mentions(root, endpoint)
            .Where(m => !m.AuthorHandle.Equals(_handle, StringComparison.OrdinalIgnoreCase))
            .Take(limit)
            .ToList();
        Log.MentionsRead(_logger, mentions.Count);
        return mentions;
    }

    /// <summary>One post of a batch: a post X lists under errors (deleted, protected) is left out; the batch's own failure is the caller's.</summary>
    private async Task<TweetMetrics?> ReadOrNullAsync(string handle, string tweetId, CancellationToken cancellationToken)
    {
        try
        {
            return await GetTweetMetricsAsync(handle, tweetId, cancellationToken);
        }
        catch (XClientException ex) when (ex.IsGone)
        {
            return null;
        }
    }

    private static void ThrowIfRefused(string text)
    {
        var check = TweetLength.Check(text);
        if (!check.IsAcceptable)
        {
            throw new XPostRejectedException($"Refused before posting: {check.Problem}", isRetryable: false);
        }
    }

    private async Task<PostedTweet> CreateAsync(JsonObject body, CancellationToken cancellationToken)
    {
        const string endpoint = "POST /2/tweets";
        var root = await _connection.SendAsync(new XApiRequest(HttpMethod.Post, "2/tweets", endpoint, body, CreatesPost: true), cancellationToken);
        var id = XApiResponses.CreatedTweetId(root, endpoint);
        Log.Posted(_logger, id, _handle);
        return new PostedTweet(id, _handle, _time.GetUtcNow());
    }
}
