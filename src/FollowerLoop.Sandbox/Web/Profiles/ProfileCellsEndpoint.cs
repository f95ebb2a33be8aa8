using FollowerLoop.Sandbox.Web.Faults;
using FollowerLoop.Sandbox.Web.Pages;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Profiles;

/// <summary>
/// Sandbox-internal, not an x.com URL: the server-rendered cells of one page of a profile's posts, which main.js appends
/// on scroll after the UserTweets call x.com makes, so appended articles are the page's own markup and not a copy in script.
/// Mapped among the pages: it needs the page session.
/// </summary>
internal static class ProfileCellsEndpoint
{
    public const string Route = "/i/sandbox/profile/{handle}/cells";

    /// <param name="cursor">A UserTweets cursor; none for the first page.</param>
    /// <param name="count">Posts per page, as UserTweets' <c>count</c>.</param>
    public static IResult Answer(string handle, string? cursor, int? count, HttpContext context, SandboxWorld world)
    {
        TimelineCursor? position = null;
        if (!string.IsNullOrEmpty(cursor) && !TimelineCursor.TryDecode(cursor, out position))
        {
            return Results.BadRequest();
        }

        var now = world.Clock.GetUtcNow();
        var fault = context.Fault();
        if (fault is SandboxFaultMode.Deleted or SandboxFaultMode.Suspended || WorldViews.FindUser(world, handle, now) is not { } user)
        {
            return Results.NotFound();
        }

        if (fault == SandboxFaultMode.Protected)
        {
            return HtmlPage.Ok(string.Empty);
        }

        var page = ProfilePosts.Read(world, user, now, position, ProfilePosts.ClampCount(count));
        return HtmlPage.Ok(string.Join("\n", ProfilePosts.Cells(page, now, context.PageStyle())));
    }
}
