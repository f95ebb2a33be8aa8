using System.Globalization;
using System.Text.Json.Nodes;

namespace FollowerLoop.X.Parsing;

/// <summary>
/// Reads x.com's Followers answer (<c>data.user.result.timeline.timeline.instructions</c>, entries <c>user-{rest_id}</c> with
/// the User under <c>content.itemContent.user_results.result</c>, and <c>cursor-bottom-…</c>). Each user is read in either
/// schema (the August 2026 one, <c>core</c>/<c>relationship_counts</c>/…, or <c>legacy</c> before it); a fact neither has is null.
/// </summary>
public static class GraphQlFollowers
{
    private const string What = "Followers";

    /// <summary>The page's followers in order, and its Bottom cursor as the next page's start (null at the end of the list).</summary>
    /// <exception cref="XGraphQlErrorException">X answered with errors, no user or an unavailable user instead of the list.</exception>
    /// <exception cref="XPageFormatException">The answer is not shaped as a Followers timeline.</exception>
    public static FollowersPage Parse(string json)
    {
        var root = GraphQlResponses.ParseObject(json, What);
        var owner = root["data"]?["user"]?["result"];
        if (owner is null)
        {
            GraphQlResponses.ThrowIfErrors(root);
            throw new XGraphQlErrorException([new GraphQlError(null, "No such user: the response's data holds no user.")], XErrorKind.NotFound);
        }

        if (Text(owner["__typename"]) == "UserUnavailable")
        {
            throw XGraphQlErrorException.Unavailable("User", Text(owner["reason"]));
        }

        var instructions = (owner["timeline"]?["timeline"] ?? owner["timeline_v2"]?["timeline"])?["instructions"] as JsonArray
            ?? throw new XPageFormatException("Followers response has no timeline instructions under data.user.result.timeline.timeline.");
        var entries = instructions.SelectMany(instruction => instruction?["entries"] as JsonArray ?? []).OfType<JsonNode>().ToList();
        var users = entries.Where(entry => Text(entry["entryId"])?.StartsWith("user-", StringComparison.Ordinal) == true).ToList();
        var followers = users
            .Select(entry => entry["content"]?["itemContent"]?["user_results"]?["result"])
            // A suspended or deactivated follower comes as a UserUnavailable, with nothing to read.
            .Where(user => Text(user?["__typename"]) is null or "User")
            .Select(user => ReadUser(user ?? throw new XPageFormatException("A Followers entry has no itemContent.user_results.result.")))
            .ToList();
        var bottom = entries
            .Where(entry => Text(entry["content"]?["cursorType"]) == "Bottom")
            .Select(entry => Text(entry["content"]?["value"]))
            .FirstOrDefault();
        // x.com's lists of users end with a Bottom cursor "0|…", which asks for an empty page.
        var next = users.Count > 0 && bottom is { Length: > 0 } && !bottom.StartsWith("0|", StringComparison.Ordinal) ? bottom : null;
        return new FollowersPage(followers, next);
    }

    private static XFollower ReadUser(JsonNode user)
    {
        var id = Text(user["rest_id"]) ?? throw new XPageFormatException("A user in the Followers response has no rest_id.");
        var core = user["core"];
        var legacy = user["legacy"];
        var handle = GraphQlResponses.ScreenName(user)
            ?? throw new XPageFormatException($"User {id} in the Followers response has no screen_name (neither core nor legacy): has x.com changed its schema?");
        var bio = Text(user["profile_bio"]?["description"] ?? legacy?["description"]);
        var picture = Text(user["avatar"]?["image_url"] ?? legacy?["profile_image_url_https"]);
        return new XFollower(
            id,
            handle,
            Text(core?["name"] ?? legacy?["name"]),
            CreatedAt(Text(core?["created_at"] ?? legacy?["created_at"]), id),
            Flag(legacy?["default_profile_image"]) ?? (picture is null ? null : picture.Contains("/default_profile_images/", StringComparison.Ordinal)),
            bio is null ? null : bio.Length > 0,
            Count(user["relationship_counts"]?["followers"] ?? legacy?["followers_count"]),
            Count(user["relationship_counts"]?["following"] ?? legacy?["friends_count"]),
            Count(user["tweet_counts"]?["tweets"] ?? legacy?["statuses_count"]),
            Flag(user["privacy"]?["protected"] ?? legacy?["protected"]),
            Verified(user, legacy));
    }

    // The API's "verified" is true for the paid checkmark too: so is this, from whichever of X's flags the answer has.
    private static bool? Verified(JsonNode user, JsonNode? legacy)
    {
        bool?[] flags = [Flag(user["verification"]?["verified"]), Flag(legacy?["verified"]), Flag(user["is_blue_verified"])];
        return flags.Any(flag => flag is not null) ? flags.Any(flag => flag == true) : null;
    }

    /// <summary>Twitter's date format, "Wed Oct 10 20:19:24 +0000 2018", read whatever the machine's culture.</summary>
    private static DateTimeOffset? CreatedAt(string? text, string id)
    {
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(text, "ddd MMM dd HH:mm:ss zzz yyyy", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime()
            : throw new XPageFormatException($"User {id} in the Followers response has created_at \"{text}\", not in Twitter's format (\"Wed Oct 10 20:19:24 +0000 2018\").");
    }

    private static long? Count(JsonNode? node) => GraphQlResponses.ExactCount(node)?.Value;

    private static bool? Flag(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        _ => throw new XPageFormatException($"Expected true or false in the Followers response, found {node.ToJsonString()}."),
    };

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
