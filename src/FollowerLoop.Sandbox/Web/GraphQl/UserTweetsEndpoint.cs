using System.Text.Json.Nodes;
using FollowerLoop.Sandbox.Web.Faults;
using FollowerLoop.Sandbox.Web.Profiles;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.GraphQl;

/// <summary>
/// UserTweets (GET, variables <c>userId</c>, <c>count</c>, <c>cursor</c>): a profile's Posts tab a page at a time, as
/// x.com's profile loads it and again with the Bottom cursor whenever the timeline is scrolled to its end.
/// </summary>
internal static class UserTweetsEndpoint
{
    public static IResult Answer(HttpContext context, SandboxWorld world)
    {
        var variables = GraphQlVariables.FromQuery(context);
        if (variables.String("userId") is not { } userId)
        {
            return GraphQlErrors.BadRequest("Variable \"$userId\" of required type \"ID!\" was not provided.");
        }

        TimelineCursor? cursor = null;
        if (variables.String("cursor") is { Length: > 0 } rawCursor && !TimelineCursor.TryDecode(rawCursor, out cursor))
        {
            return GraphQlErrors.BadRequest("Variable \"$cursor\" is not a cursor this timeline issued.");
        }

        if (TimelineOwner.Refusal(context, world, userId, "profileBest", out var owner) is { } refusal)
        {
            return refusal;
        }

        var user = owner!;
        var now = world.Clock.GetUtcNow();
        var fault = context.Fault();
        var page = ProfilePosts.Read(world, user, now, cursor, ProfilePosts.ClampCount(variables.Int("count")));
        var entries = new JsonArray();
        foreach (var tweet in page.Posts)
        {
            var entry = GraphQlTimeline.Entry("tweet", tweet.Id, GraphQlShapes.Tweet(tweet, user, fresh: false, storedText: fault == SandboxFaultMode.Emoji));
            entry["content"]!["clientEventInfo"] = ClientEventInfo();
            entries.Add(entry);
        }

        entries.Add(GraphQlTimeline.CursorEntry(page.Top, page.Top.PostId + 1));
        entries.Add(GraphQlTimeline.CursorEntry(page.Bottom, Math.Max(page.Bottom.PostId - 1, 0)));
        return Results.Json(GraphQlShapes.UserData(GraphQlTimeline.UserTimeline(entries)));
    }

    // As in the saved UserTweets (TweetDetail's entries have none).
    private static JsonObject ClientEventInfo() => new() { ["component"] = "tweet", ["element"] = "tweet" };
}
