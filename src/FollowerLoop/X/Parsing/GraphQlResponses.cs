using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FollowerLoop.X.Parsing;

/// <summary>
/// Reads x.com's GraphQL responses, which carry exact counts where the page shows rounded ones:
/// CreateTweet (the new id), TweetDetail (<c>legacy.*_count</c>, <c>views.count</c>) and
/// UserByScreenName (<c>legacy.followers_count</c>).
/// </summary>
public static class GraphQlResponses
{
    public static CreateTweetResult ParseCreateTweet(string json)
    {
        var root = ParseObject(json, "CreateTweet");
        var tweet = Unwrap(root["data"]?["create_tweet"]?["tweet_results"]?["result"]);
        var errors = ReadErrors(root);
        var id = tweet?["rest_id"]?.GetValue<string>();
        if (id is null && errors.Count == 0)
        {
            throw new XPageFormatException("CreateTweet response has neither data.create_tweet.tweet_results.result.rest_id nor errors.");
        }

        return new CreateTweetResult(id, ScreenName(tweet?["core"]?["user_results"]?["result"]), errors);
    }

    /// <summary>The post <paramref name="tweetId"/> of a TweetDetail response; without an id, its first <c>tweet-</c> entry.</summary>
    public static ParsedTweet ParseTweetDetail(string json, string? tweetId = null)
    {
        var root = ParseObject(json, "TweetDetail");
        var instructions = root["data"]?["threaded_conversation_with_injections_v2"]?["instructions"]?.AsArray()
            ?? throw new XPageFormatException("TweetDetail response has no data.threaded_conversation_with_injections_v2.instructions.");

        var tweet = instructions
            .SelectMany(instruction => instruction?["entries"]?.AsArray() ?? [])
            .Where(entry => tweetId is not null || (entry?["entryId"]?.GetValue<string>() ?? "").StartsWith("tweet-", StringComparison.Ordinal))
            .SelectMany(TweetsOf)
            .FirstOrDefault(result => tweetId is null || result["rest_id"]?.GetValue<string>() == tweetId)
            ?? throw new XPageFormatException(tweetId is null ? "TweetDetail response holds no tweet- entry." : $"TweetDetail response does not hold post {tweetId}.");

        return ReadTweet(tweet);
    }

    public static ParsedProfile ParseUserByScreenName(string json)
    {
        var root = ParseObject(json, "UserByScreenName");
        var user = root["data"]?["user"]?["result"];
        var legacy = user?["legacy"] ?? throw new XPageFormatException("UserByScreenName response has no data.user.result.legacy (no such user?).");
        var handle = ScreenName(user)
            ?? throw new XPageFormatException("UserByScreenName response has no screen_name.");
        return new ParsedProfile(handle, ExactCount(legacy["followers_count"]), ExactCount(legacy["friends_count"]));
    }

    /// <summary>Which GraphQL response this is, by its data's top-level field; null when none FollowerLoop reads.</summary>
    public static string? Identify(string json)
    {
        var data = ParseObject(json, "GraphQL")["data"] as JsonObject;
        if (data?.ContainsKey("create_tweet") == true)
        {
            return "CreateTweet";
        }

        if (data?.ContainsKey("threaded_conversation_with_injections_v2") == true)
        {
            return "TweetDetail";
        }

        return data?.ContainsKey("user") == true ? "UserByScreenName" : null;
    }

    private static ParsedTweet ReadTweet(JsonNode tweet)
    {
        var legacy = tweet["legacy"] ?? throw new XPageFormatException("TweetDetail post has no legacy counts.");
        var id = tweet["rest_id"]?.GetValue<string>() ?? throw new XPageFormatException("TweetDetail post has no rest_id.");
        var handle = ScreenName(tweet["core"]?["user_results"]?["result"]) ?? throw new XPageFormatException($"TweetDetail post {id} has no author screen_name.");
        var counts = new EngagementCounts(
            ExactCount(legacy["reply_count"])?.Value,
            ExactCount(legacy["retweet_count"])?.Value,
            ExactCount(legacy["favorite_count"])?.Value,
            ExactCount(legacy["bookmark_count"])?.Value,
            ExactCount(tweet["views"]?["count"])?.Value);
        return new ParsedTweet(handle, id, counts);
    }

    /// <summary>The posts of a timeline entry: a single item, or each item of a conversation module.</summary>
    private static IEnumerable<JsonNode> TweetsOf(JsonNode? entry)
    {
        var content = entry?["content"];
        var items = content?["items"]?.AsArray().Select(item => item?["item"]?["itemContent"]) ?? [content?["itemContent"]];
        return items.Select(item => Unwrap(item?["tweet_results"]?["result"])).OfType<JsonNode>();
    }

    /// <summary>Posts with limited visibility come wrapped in <c>TweetWithVisibilityResults.tweet</c>.</summary>
    private static JsonNode? Unwrap(JsonNode? result) =>
        result?["__typename"]?.GetValue<string>() == "TweetWithVisibilityResults" ? result["tweet"] : result;

    /// <summary>x.com moved <c>screen_name</c> from <c>legacy</c> to <c>core</c> in 2025; read either.</summary>
    private static string? ScreenName(JsonNode? user) =>
        user?["core"]?["screen_name"]?.GetValue<string>() ?? user?["legacy"]?["screen_name"]?.GetValue<string>();

    private static List<GraphQlError> ReadErrors(JsonNode root) =>
        (root["errors"] as JsonArray ?? [])
            .Select(error => new GraphQlError(
                ErrorCode(error?["code"]) ?? ErrorCode(error?["extensions"]?["code"]),
                error?["message"]?.GetValue<string>() ?? "(no message)"))
            .ToList();

    private static int? ErrorCode(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<int>(out var code) ? code : null;

    /// <summary>A JSON count, written as a number or (views) as a string; absent means unknown.</summary>
    private static CompactNumber? ExactCount(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<long>(out var number) => new CompactNumber(number, IsExact: true),
        JsonValue value when value.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) => new CompactNumber(number, IsExact: true),
        _ => throw new XPageFormatException($"Expected a count, found {node.ToJsonString()}."),
    };

    private static JsonNode ParseObject(string json, string what)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new XPageFormatException($"{what} response is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new XPageFormatException($"{what} response is not valid JSON: {ex.Message}", ex);
        }
    }
}
