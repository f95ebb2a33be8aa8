using FollowerLoop.Sandbox.Web.Faults;
using FollowerLoop.Sandbox.Web.Html;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.GraphQl;

/// <summary>Whose timeline a user's timeline call (UserTweets, Followers) asks for, or what x.com answers when it shows none.</summary>
internal static class TimelineOwner
{
    /// <summary>
    /// Like UserByScreenName: a suspended account is a UserUnavailable, a deleted or unknown one an empty user; only approved
    /// followers see a protected account's timeline, so it comes without entries. Null when the timeline is shown, with its <paramref name="user"/>.
    /// </summary>
    public static IResult? Refusal(HttpContext context, SandboxWorld world, string userId, string scribePage, out UserView? user)
    {
        user = null;
        var fault = context.Fault();
        if (fault == SandboxFaultMode.Suspended)
        {
            return Results.Json(GraphQlShapes.UserData(GraphQlUnavailable.SuspendedUser()));
        }

        if (fault == SandboxFaultMode.Deleted || WorldViews.FindUserById(world, userId, world.Clock.GetUtcNow()) is not { } found)
        {
            return Results.Json(GraphQlShapes.UserData(null));
        }

        if (fault == SandboxFaultMode.Protected)
        {
            return Results.Json(GraphQlShapes.UserData(GraphQlTimeline.UserTimeline([], scribePage)));
        }

        user = found;
        return null;
    }
}
