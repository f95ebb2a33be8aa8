using System.Globalization;
using System.Text.Json.Nodes;
using FollowerLoop.X.Parsing;

namespace FollowerLoop.X.Api;

/// <summary>
/// Reads the documented v2 response shapes: <c>{"data":…,"includes":…,"errors":[…]}</c>. A field
/// that is missing or of the wrong type is a <see cref="XClientException"/> naming the endpoint;
/// a count that is absent is null (unknown), never 0.
/// </summary>
internal static class XApiResponses
{
    /// <summary><c>POST /2/tweets</c>: <c>{"data":{"id":"…","text":"…"}}</c>.</summary>
    public static string CreatedTweetId(JsonObject root, string endpoint) =>
        Text(root["data"]?["id"]) ?? throw XApiErrors.Malformed(endpoint, "no data.id in the created post.");

    /// <summary>
    /// <c>GET /2/tweets?ids=</c>: each asked id is either in <c>data</c> (read) or named by an entry
    /// of <c>errors</c> (<c>resource_id</c>/<c>value</c>). Errors about a field of a post that is in
    /// <c>data</c> (non-public metrics of an old post) do not fail it.
    /// </summary>
    public static Dictionary<string, XApiTweetResult> Tweets(JsonObject root, IReadOnlyDictionary<string, string> handlesById, DateTimeOffset readAt, string endpoint)
    {
        var results = new Dictionary<string, XApiTweetResult>(StringComparer.Ordinal);
        foreach (var tweet in Array(root["data"], "data", endpoint))
        {
            var id = Text(tweet?["id"]) ?? throw XApiErrors.Malformed(endpoint, "a post in data has no id.");
            if (handlesById.TryGetValue(id, out var handle))
            {
                results[id] = new XApiTweetResult(Metrics(tweet!, id, handle, readAt, endpoint), null);
            }
        }

        foreach (var error in Array(root["errors"], "errors", endpoint))
        {
            var id = Text(error?["resource_id"]) ?? Text(error?["value"]);
            if (id is not null && !results.ContainsKey(id))
            {
                results[id] = new XApiTweetResult(null, Text(error?["detail"]) ?? Text(error?["title"]) ?? "(no detail)");
            }
        }

        foreach (var id in handlesById.Keys.Where(id => !results.ContainsKey(id)))
        {
            results[id] = new XApiTweetResult(null, "neither in data nor in errors.");
        }

        return results;
    }

    /// <summary>
    /// <c>GET /2/tweets/analytics</c>: <c>{"data":[{"id","timestamped_metrics":[{"timestamp","metrics":{"follows","unfollows"}}]}]}</c>,
    /// the post's counts summed over the entries (one with <c>granularity=total</c>). A post listed under <c>errors</c> fails the read.
    /// </summary>
    public static ReportedFollows ReportedFollows(JsonObject root, string postId, string endpoint)
    {
        var post = Array(root["data"], "data", endpoint).FirstOrDefault(p => Text(p?["id"]) == postId);
        if (post is null)
        {
            var reason = Text((root["errors"] as JsonArray)?.FirstOrDefault()?["detail"]) ?? "the post is not in the answer";
            throw new XClientException($"X API gave no analytics for post {postId} at {endpoint}: {reason}.", isRetryable: false);
        }

        var entries = Array(post["timestamped_metrics"], "timestamped_metrics", endpoint).Select(e => e?["metrics"]).ToList();
        long Sum(string field) => entries.Count == 0
            ? throw XApiErrors.Malformed(endpoint, $"post {postId} has no timestamped_metrics.")
            : entries.Sum(metrics => Count(metrics?[field], endpoint) ?? throw XApiErrors.Malformed(endpoint, $"post {postId} has no {field} count."));
        return new ReportedFollows(postId, Sum("follows"), Sum("unfollows"));
    }

    /// <summary><c>GET /2/users/me</c>, <c>/2/users/:id</c>, <c>/2/users/by/username/:username</c>: <c>{"data":{"id","username","public_metrics":{…}}}</c>.</summary>
    public static XApiUser User(JsonObject root, string endpoint)
    {
        if (root["data"] is not JsonObject user)
        {
            var reason = Text((root["errors"] as JsonArray)?.FirstOrDefault()?["detail"]);
            throw reason is null ? XApiErrors.Malformed(endpoint, "no data object.") : XApiErrors.UserMissing(endpoint, reason);
        }

        var metrics = user["public_metrics"];
        return new XApiUser(
            Text(user["id"]) ?? throw XApiErrors.Malformed(endpoint, "the user has no id."),
            Text(user["username"]) ?? throw XApiErrors.Malformed(endpoint, "the user has no username."),
            Count(metrics?["followers_count"], endpoint),
            Count(metrics?["following_count"], endpoint),
            Text(user["description"]));
    }

    /// <summary>
    /// <c>GET /2/users/:id/followers</c> with <c>user.fields</c>: newest first, a default picture told by its address (X
    /// serves every default one from <c>default_profile_images</c>), <c>meta.next_token</c> when there is more.
    /// </summary>
    public static FollowersPage Followers(JsonObject root, string endpoint)
    {
        var followers = Array(root["data"], "data", endpoint).Select(user =>
        {
            var id = Text(user?["id"]) ?? throw XApiErrors.Malformed(endpoint, "a follower has no id.");
            var metrics = user?["public_metrics"];
            var image = Text(user?["profile_image_url"]);
            var bio = Text(user?["description"]);
            return new XFollower(
                id,
                Text(user?["username"]) ?? throw XApiErrors.Malformed(endpoint, $"follower {id} has no username."),
                Text(user?["name"]),
                Date(user?["created_at"], endpoint),
                image is null ? null : image.Contains("/default_profile_images/", StringComparison.Ordinal),
                bio is null ? null : bio.Trim().Length > 0,
                Count(metrics?["followers_count"], endpoint),
                Count(metrics?["following_count"], endpoint),
                Count(metrics?["tweet_count"], endpoint),
                Flag(user?["protected"], endpoint),
                Flag(user?["verified"], endpoint));
        }).ToList();
        return new FollowersPage(followers, Text(root["meta"]?["next_token"]));
    }

    /// <summary>
    /// <c>GET /2/tweets/:id/liking_users</c>: <c>{"data":[{"id","name","username"}],"meta":{"result_count"}}</c>, the likers'
    /// ids; no <c>data</c> is no liker, unless X says why under <c>errors</c> (a deleted post): then the read fails, as no
    /// list is not an empty one.
    /// </summary>
    public static List<string> LikingUsers(JsonObject root, string postId, string endpoint)
    {
        if (root["data"] is null && Text((root["errors"] as JsonArray)?.FirstOrDefault()?["detail"]) is { } reason)
        {
            throw new XClientException($"X API listed no likers of post {postId} at {endpoint}: {reason}.", isRetryable: false);
        }

        return [.. Array(root["data"], "data", endpoint).Select(user => Text(user?["id"]) ?? throw XApiErrors.Malformed(endpoint, "a liker has no id."))];
    }

    /// <summary><c>GET /2/tweets/search/recent</c> with <c>expansions=author_id</c>: authors come from <c>includes.users</c>; no <c>data</c> means no match.</summary>
    public static List<FoundTweet> Found(JsonObject root, string endpoint) =>
        [.. Authored(root, endpoint).Select(post => new FoundTweet(post.Id, post.Handle, AuthorsText(post.Tweet), Date(post.Tweet["created_at"], endpoint)))];

    /// <summary>
    /// <c>GET /2/users/:id/mentions</c> with <c>expansions=author_id,referenced_tweets.id</c>: a post whose
    /// <c>referenced_tweets</c> has <c>quoted</c> is a quote, <c>replied_to</c> a reply, neither a mention.
    /// </summary>
    public static List<Mention> Mentions(JsonObject root, string endpoint) =>
    [
        .. Authored(root, endpoint).Select(post =>
        {
            var references = Array(post.Tweet["referenced_tweets"], "referenced_tweets", endpoint).Select(r => Text(r?["type"])).ToList();
            var kind = references.Contains("quoted") ? MentionKind.Quote
                : references.Contains("replied_to") ? MentionKind.Reply
                : MentionKind.Mention;
            return new Mention(post.Id, post.Handle, AuthorsText(post.Tweet), Date(post.Tweet["created_at"], endpoint), kind, Text(post.Tweet["conversation_id"]));
        }),
    ];

    /// <summary>The posts of <c>data</c> with their authors' handles from <c>includes.users</c>; a post whose author is not there is left out.</summary>
    private static IEnumerable<(JsonNode Tweet, string Id, string Handle)> Authored(JsonObject root, string endpoint)
    {
        var authors = Array(root["includes"]?["users"], "includes.users", endpoint)
            .Select(user => (Id: Text(user?["id"]), Username: Text(user?["username"])))
            .Where(user => user.Id is not null && user.Username is not null)
            .ToDictionary(user => user.Id!, user => user.Username!, StringComparer.Ordinal);
        foreach (var tweet in Array(root["data"], "data", endpoint))
        {
            var id = Text(tweet?["id"]) ?? throw XApiErrors.Malformed(endpoint, "a post in data has no id.");
            var authorId = Text(tweet?["author_id"]) ?? throw XApiErrors.Malformed(endpoint, $"post {id} has no author_id.");
            if (authors.TryGetValue(authorId, out var handle))
            {
                yield return (tweet!, id, handle);
            }
        }
    }

    private static TweetMetrics Metrics(JsonNode tweet, string id, string handle, DateTimeOffset readAt, string endpoint)
    {
        var shown = tweet["public_metrics"];
        var owners = tweet["non_public_metrics"];
        var organic = tweet["organic_metrics"];
        // Impressions: the owner's exact count when granted, else the public one X now shows on every post.
        var views = Count(owners?["impression_count"], endpoint)
            ?? Count(organic?["impression_count"], endpoint)
            ?? Count(shown?["impression_count"], endpoint);
        return new TweetMetrics(
            handle,
            id,
            Count(shown?["reply_count"], endpoint),
            Count(shown?["retweet_count"], endpoint),
            Count(shown?["like_count"], endpoint),
            Count(shown?["bookmark_count"], endpoint),
            views,
            readAt)
        {
            Quotes = Count(shown?["quote_count"], endpoint),
            ProfileClicks = Count(owners?["user_profile_clicks"], endpoint) ?? Count(organic?["user_profile_clicks"], endpoint),
            LinkClicks = Count(owners?["url_link_clicks"], endpoint) ?? Count(organic?["url_link_clicks"], endpoint),
        };
    }

    private static IEnumerable<JsonNode?> Array(JsonNode? node, string name, string endpoint) => node switch
    {
        null => [],
        JsonArray array => array,
        _ => throw XApiErrors.Malformed(endpoint, $"{name} is not an array."),
    };

    private static long? Count(JsonNode? node, string endpoint) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<long>(out var count) && count >= 0 => count,
        _ => throw XApiErrors.Malformed(endpoint, $"expected a count, found {node.ToJsonString()}."),
    };

    private static DateTimeOffset? Date(JsonNode? node, string endpoint) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) => date,
        _ => throw XApiErrors.Malformed(endpoint, $"expected a date, found {node.ToJsonString()}."),
    };

    /// <summary>The text as its author wrote it: a long post's whole <c>note_tweet</c>, escapes undone, t.co links expanded.</summary>
    private static string AuthorsText(JsonNode tweet)
    {
        var note = tweet["note_tweet"];
        return Text(note?["text"] ?? tweet["text"]) is { } text ? StoredText.Restore(text, (note ?? tweet)["entities"]?["urls"]) : "";
    }

    private static bool? Flag(JsonNode? node, string endpoint) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        _ => throw XApiErrors.Malformed(endpoint, $"'{node.ToJsonString()}' is not true or false."),
    };

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
