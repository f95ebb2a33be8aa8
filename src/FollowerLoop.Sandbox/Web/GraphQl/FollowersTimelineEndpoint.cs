using System.Text.Json.Nodes;
using FollowerLoop.Sandbox.Web.Faults;
using FollowerLoop.Sandbox.Web.Followers;
using FollowerLoop.Sandbox.Web.Profiles;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.GraphQl;

/// <summary>
/// Followers (GET, variables <c>userId</c>, <c>count</c>, <c>cursor</c>): the followers page's list, newest first, as x.com's
/// client loads it and again with the Bottom cursor as it is scrolled. Entries <c>user-{rest_id}</c> hold each User; only the
/// sandbox account's followers are modelled. The <c>missing</c> fault leaves the users without their profile (<c>core</c>).
/// </summary>
internal static class FollowersTimelineEndpoint
{
    /// <summary>Followers per page: what x.com's client asks for.</summary>
    public const int PageSize = 20;

    private const string ScribePage = "followers";

    public static IResult Answer(HttpContext context, SandboxWorld world)
    {
        var variables = GraphQlVariables.FromQuery(context);
        if (variables.String("userId") is not { } userId)
        {
            return GraphQlErrors.BadRequest("Variable \"$userId\" of required type \"ID!\" was not provided.");
        }

        FollowerPosition? after = null;
        if (variables.String("cursor") is { Length: > 0 } cursor && !FollowersCursor.TryRead(cursor, out after))
        {
            return GraphQlErrors.BadRequest("Variable \"$cursor\" is not a cursor this timeline issued.");
        }

        if (TimelineOwner.Refusal(context, world, userId, ScribePage, out var owner) is { } refusal)
        {
            return refusal;
        }

        var (page, hasMore) = Read(world, owner!.Handle, after, variables.Int("count"));
        var withoutProfile = context.Fault() == SandboxFaultMode.Missing;
        var entries = new JsonArray();
        foreach (var follower in page)
        {
            entries.Add(GraphQlTimeline.UserEntry(follower.UserId, follower.FollowedAt.UtcTicks, GraphQlShapes.Follower(follower, withoutProfile)));
        }

        // An empty page keeps the position it was asked for, as UserTweets does.
        var (first, last) = page.Count > 0 ? (FollowerPosition.Of(page[0]), FollowerPosition.Of(page[^1])) : (after ?? default, after ?? default);
        entries.Add(GraphQlTimeline.CursorEntry(CursorType.Top, FollowersCursor.Top(first), first.Ticks + 1));
        entries.Add(GraphQlTimeline.CursorEntry(CursorType.Bottom, hasMore ? FollowersCursor.Bottom(last) : FollowersCursor.End(last), Math.Max(last.Ticks - 1, 0)));
        return Results.Json(GraphQlShapes.UserData(GraphQlTimeline.UserTimeline(entries, ScribePage)));
    }

    /// <summary>One page of <paramref name="handle"/>'s followers, as the page and its cells show them too.</summary>
    /// <param name="count">As x.com treats it: <see cref="PageSize"/> when absent, within 1 to 100.</param>
    public static (IReadOnlyList<SandboxFollower> Page, bool HasMore) Read(SandboxWorld world, string handle, FollowerPosition? after, int? count) =>
        FollowerList.Read(FollowerList.Of(world, handle), after, ProfilePosts.ClampCount(count ?? PageSize));
}
