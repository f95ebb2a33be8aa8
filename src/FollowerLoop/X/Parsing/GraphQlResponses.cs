using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FollowerLoop.X.Parsing;

/// <summary>
/// Reads x.com's GraphQL responses, which carry exact counts, in any interface language, where the page shows
/// rounded, translated ones: CreateTweet (the new id), the timelines TweetDetail, UserTweets and SearchTimeline
/// (<c>legacy.*_count</c>, <c>views.count</c>) and UserByScreenName (<c>relationship_counts</c> since 2026,
/// <c>legacy.followers_count</c> before). Every schema in <c>tests/fixtures/x-graphql</c> is read; a count a
/// response lacks is unknown (null), never 0. Errors sent instead of data throw <see cref="XGraphQlErrorException"/>.
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

    /// <summary>Every post of a TweetDetail, UserTweets or SearchTimeline response, in order; a repost stands for the post it reposts.</summary>
    public static IReadOnlyList<ParsedTweet> ParseTimeline(string json)
    {
        var root = ParseObject(json, "timeline");
        var data = root["data"];
        var instructions = (data?["threaded_conversation_with_injections_v2"]
                ?? data?["user"]?["result"]?["timeline"]?["timeline"]
                ?? data?["user"]?["result"]?["timeline_v2"]?["timeline"]
                ?? data?["search_by_raw_query"]?["search_timeline"]?["timeline"])?["instructions"]?.AsArray();
        if (instructions is null)
        {
            ThrowIfErrors(root);
            throw new XPageFormatException("Not a timeline: no instructions under TweetDetail's, UserTweets' (timeline or timeline_v2) or SearchTimeline's data.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return instructions
            // TimelineAddEntries has entries; a pinned post comes alone under TimelinePinEntry's entry.
            .SelectMany(instruction => instruction?["entries"]?.AsArray() ?? (IEnumerable<JsonNode?>)(instruction?["entry"] is { } entry ? [entry] : []))
            .SelectMany(TweetsOf)
            .Select(tweet => Unwrap(tweet["legacy"]?["retweeted_status_result"]?["result"]) ?? tweet)
            // A deleted or withheld post in a conversation is a TweetTombstone / TweetUnavailable: no counts, not an error.
            .Where(tweet => tweet["__typename"]?.GetValue<string>() is null or "Tweet")
            .Select(ReadTweet)
            .Where(tweet => seen.Add(tweet.TweetId))
            .ToList();
    }

    /// <summary>
    /// Why a TweetDetail response holds no post <paramref name="tweetId"/>: its errors ("No status found", 144), or
    /// its entry as a <c>TweetUnavailable</c> (protected, suspended author) or <c>TweetTombstone</c> (deleted); null when it has the post.
    /// </summary>
    public static XGraphQlErrorException? WhyMissing(string json, string tweetId)
    {
        var root = ParseObject(json, "TweetDetail");
        var errors = ReadErrors(root);
        var entry = (root["data"]?["threaded_conversation_with_injections_v2"]?["instructions"] as JsonArray ?? [])
            .SelectMany(instruction => instruction?["entries"] as JsonArray ?? [])
            .FirstOrDefault(entry => entry?["entryId"]?.GetValue<string>() == $"tweet-{tweetId}");
        var result = Unwrap(entry?["content"]?["itemContent"]?["tweet_results"]?["result"]);
        return result?["__typename"]?.GetValue<string>() switch
        {
            "TweetUnavailable" => XGraphQlErrorException.Unavailable("Post", result["reason"]?.GetValue<string>()),
            "TweetTombstone" => XGraphQlErrorException.Unavailable("Post", "Deleted"),
            _ when result is null && errors.Count > 0 => new XGraphQlErrorException(errors),
            _ => null,
        };
    }

    public static ParsedProfile ParseUserByScreenName(string json)
    {
        var root = ParseObject(json, "UserByScreenName");
        var user = root["data"]?["user"]?["result"];
        if (user is null)
        {
            ThrowIfErrors(root);
            // {"data":{}} is how x.com answers for a handle nobody has.
            throw new XGraphQlErrorException([new GraphQlError(null, "No such user: the response's data holds no user.")], XErrorKind.NotFound);
        }

        if (user["__typename"]?.GetValue<string>() == "UserUnavailable")
        {
            throw XGraphQlErrorException.Unavailable("User", user["reason"]?.GetValue<string>());
        }

        var handle = ScreenName(user)
            ?? throw new XPageFormatException("UserByScreenName response has no screen_name.");
        // Since August 2026 the counts are under relationship_counts; before, under legacy. Absent in both: unknown.
        var counts = user["relationship_counts"];
        var legacy = user["legacy"];
        if (counts is null && legacy is null)
        {
            throw new XPageFormatException("UserByScreenName response has neither relationship_counts nor legacy: the schema changed again.");
        }

        return new ParsedProfile(
            handle,
            ExactCount(counts?["followers"]) ?? ExactCount(legacy?["followers_count"]),
            ExactCount(counts?["following"]) ?? ExactCount(legacy?["friends_count"]),
            // Since August 2026 the bio is profile_bio.description; before, legacy.description.
            (user["profile_bio"]?["description"] ?? legacy?["description"]) is JsonValue bio && bio.TryGetValue<string>(out var text) ? text : null);
    }

    /// <summary>Throws <see cref="XGraphQlErrorException"/> when the response carries errors (call it where the data asked for is missing).</summary>
    public static void ThrowIfErrors(string json) => ThrowIfErrors(ParseObject(json, "GraphQL"));

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

        if (data?.ContainsKey("search_by_raw_query") == true)
        {
            return "SearchTimeline";
        }

        var user = data?["user"]?["result"] as JsonObject;
        if (user?.ContainsKey("timeline") == true || user?.ContainsKey("timeline_v2") == true)
        {
            return "UserTweets";
        }

        return data?.ContainsKey("user") == true ? "UserByScreenName" : null;
    }

    private static ParsedTweet ReadTweet(JsonNode tweet)
    {
        var id = tweet["rest_id"]?.GetValue<string>() ?? throw new XPageFormatException("A post in the response has no rest_id.");
        var legacy = tweet["legacy"] ?? throw new XPageFormatException($"Post {id} in the response has no legacy counts.");
        var handle = ScreenName(tweet["core"]?["user_results"]?["result"]) ?? throw new XPageFormatException($"Post {id} in the response has no author screen_name.");
        var counts = new EngagementCounts(
            ExactCount(legacy["reply_count"])?.Value,
            ExactCount(legacy["retweet_count"])?.Value,
            ExactCount(legacy["favorite_count"])?.Value,
            ExactCount(legacy["bookmark_count"])?.Value,
            ExactCount(tweet["views"]?["count"])?.Value);
        // A long post keeps its whole text in note_tweet; full_text then has only the first 280 characters.
        var note = tweet["note_tweet"]?["note_tweet_results"]?["result"];
        var text = (note?["text"] ?? legacy["full_text"])?.GetValue<string>();
        var shown = text is null ? null : StoredText.Restore(text, note?["entity_set"]?["urls"] ?? legacy["entities"]?["urls"], legacy["entities"]?["media"]);
        return new ParsedTweet(handle, id, counts, shown);
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
    internal static string? ScreenName(JsonNode? user) =>
        user?["core"]?["screen_name"]?.GetValue<string>() ?? user?["legacy"]?["screen_name"]?.GetValue<string>();

    internal static void ThrowIfErrors(JsonNode root)
    {
        var errors = ReadErrors(root);
        if (errors.Count > 0)
        {
            throw new XGraphQlErrorException(errors);
        }
    }

    private static List<GraphQlError> ReadErrors(JsonNode root) =>
        (root["errors"] as JsonArray ?? [])
            .Select(error => new GraphQlError(
                ErrorCode(error?["code"]) ?? ErrorCode(error?["extensions"]?["code"]),
                error?["message"]?.GetValue<string>() ?? "(no message)"))
            .ToList();

    private static int? ErrorCode(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<int>(out var code) ? code : null;

    /// <summary>A JSON count, written as a number or (views) as a string; absent means unknown.</summary>
    internal static CompactNumber? ExactCount(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<long>(out var number) => new CompactNumber(number, IsExact: true),
        JsonValue value when value.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) => new CompactNumber(number, IsExact: true),
        _ => throw new XPageFormatException($"Expected a count, found {node.ToJsonString()}."),
    };

    internal static JsonNode ParseObject(string json, string what)
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
