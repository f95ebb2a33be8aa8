using System.Globalization;
using System.Text.Json.Nodes;
using FollowerLoop.Sandbox.Web.Profiles;

namespace FollowerLoop.Sandbox.Web.GraphQl;

/// <summary>
/// The timelines' envelopes: TweetDetail's <c>data.threaded_conversation_with_injections_v2.instructions[0].entries[*].content.itemContent.tweet_results.result</c>,
/// UserTweets' and Followers' <c>data.user.result.timeline.timeline.instructions</c> (as in the saved August 2026 UserTweets).
/// </summary>
internal static class GraphQlTimeline
{
    /// <param name="prefix">"tweet" for the focal post and its parent, "conversationthread" for replies.</param>
    /// <param name="result">A Tweet, or a TweetUnavailable standing in for one.</param>
    public static JsonObject Entry(string prefix, string tweetId, JsonObject result) =>
        Item($"{prefix}-{tweetId}", tweetId, new JsonObject
        {
            ["itemType"] = "TimelineTweet",
            ["__typename"] = "TimelineTweet",
            ["tweet_results"] = new JsonObject { ["result"] = result },
            ["tweetDisplayType"] = "Tweet",
        });

    public static JsonObject Conversation(JsonArray entries)
    {
        var instructions = new JsonArray(
            new JsonObject { ["type"] = "TimelineAddEntries", ["entries"] = entries },
            new JsonObject { ["type"] = "TimelineTerminateTimeline", ["direction"] = "Top" });
        return new JsonObject
        {
            ["data"] = new JsonObject { ["threaded_conversation_with_injections_v2"] = new JsonObject { ["instructions"] = instructions } },
        };
    }

    /// <summary>A Top or Bottom cursor entry; x.com sorts Top above the page's posts and Bottom below them.</summary>
    public static JsonObject CursorEntry(TimelineCursor cursor, long sortIndex) => CursorEntry(cursor.Type, cursor.Encode(), sortIndex);

    /// <param name="value">The cursor as the timeline writes it (opaque to clients).</param>
    public static JsonObject CursorEntry(CursorType type, string value, long sortIndex)
    {
        var (name, idPrefix) = type == CursorType.Top ? ("Top", "cursor-top") : ("Bottom", "cursor-bottom");
        var index = sortIndex.ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["entryId"] = $"{idPrefix}-{index}",
            ["sortIndex"] = index,
            ["content"] = new JsonObject
            {
                ["entryType"] = "TimelineTimelineCursor",
                ["__typename"] = "TimelineTimelineCursor",
                ["value"] = value,
                ["cursorType"] = name,
            },
        };
    }

    /// <summary>A user of a list of users (Followers): <c>user-{rest_id}</c> with the User under <c>itemContent.user_results.result</c>.</summary>
    public static JsonObject UserEntry(string userId, long sortIndex, JsonObject user)
    {
        var entry = Item($"user-{userId}", sortIndex.ToString(CultureInfo.InvariantCulture), new JsonObject
        {
            ["itemType"] = "TimelineUser",
            ["__typename"] = "TimelineUser",
            ["user_results"] = new JsonObject { ["result"] = user },
            ["userDisplayType"] = "User",
        });
        entry["content"]!["clientEventInfo"] = new JsonObject { ["component"] = "FollowersSgs", ["element"] = "user" };
        return entry;
    }

    /// <summary>A user's timeline result (UserTweets, Followers): x.com clears the client's cache of the timeline, then adds the page's entries.</summary>
    /// <param name="scribePage">What x.com's metadata names the timeline: "profileBest" for the Posts tab, "followers" for the followers list.</param>
    public static JsonObject UserTimeline(JsonArray entries, string scribePage = "profileBest") => new()
    {
        ["__typename"] = "User",
        ["timeline"] = new JsonObject
        {
            ["timeline"] = new JsonObject
            {
                ["instructions"] = new JsonArray(
                    new JsonObject { ["type"] = "TimelineClearCache" },
                    new JsonObject { ["type"] = "TimelineAddEntries", ["entries"] = entries }),
                ["metadata"] = new JsonObject { ["scribeConfig"] = new JsonObject { ["page"] = scribePage } },
            },
        },
    };

    private static JsonObject Item(string entryId, string sortIndex, JsonObject itemContent) => new()
    {
        ["entryId"] = entryId,
        ["sortIndex"] = sortIndex,
        ["content"] = new JsonObject
        {
            ["entryType"] = "TimelineTimelineItem",
            ["__typename"] = "TimelineTimelineItem",
            ["itemContent"] = itemContent,
        },
    };
}
