using System.Text.Json.Nodes;

namespace FollowerLoop.Sandbox.Web.GraphQl;

/// <summary>TweetDetail's envelope: <c>data.threaded_conversation_with_injections_v2.instructions[0].entries[*].content.itemContent.tweet_results.result</c>.</summary>
internal static class GraphQlTimeline
{
    /// <param name="prefix">"tweet" for the focal post and its parent, "conversationthread" for replies.</param>
    /// <param name="result">A Tweet, or a TweetUnavailable standing in for one.</param>
    public static JsonObject Entry(string prefix, string tweetId, JsonObject result) => new()
    {
        ["entryId"] = $"{prefix}-{tweetId}",
        ["sortIndex"] = tweetId,
        ["content"] = new JsonObject
        {
            ["entryType"] = "TimelineTimelineItem",
            ["__typename"] = "TimelineTimelineItem",
            ["itemContent"] = new JsonObject
            {
                ["itemType"] = "TimelineTweet",
                ["__typename"] = "TimelineTweet",
                ["tweet_results"] = new JsonObject { ["result"] = result },
                ["tweetDisplayType"] = "Tweet",
            },
        },
    };

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
}
