using FollowerLoop.Sandbox.Web.Faults;
using FollowerLoop.Sandbox.Web.GraphQl;
using FollowerLoop.Sandbox.Web.Html;
using FollowerLoop.Sandbox.Web.Pages;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Followers;

/// <summary>
/// Sandbox-internal, not an x.com URL: the server-rendered cells of one page of the followers list, which main.js appends on
/// scroll after the Followers call x.com makes (as <see cref="Profiles.ProfileCellsEndpoint"/> does for posts). Needs the page session.
/// </summary>
internal static class FollowerCellsEndpoint
{
    public const string Route = "/i/sandbox/followers/{handle}/cells";

    /// <param name="cursor">A Followers cursor; none for the first page.</param>
    public static IResult Answer(string handle, string? cursor, int? count, HttpContext context, SandboxWorld world)
    {
        FollowerPosition? after = null;
        if (!string.IsNullOrEmpty(cursor) && !FollowersCursor.TryRead(cursor, out after))
        {
            return Results.BadRequest();
        }

        if (context.Fault() is SandboxFaultMode.Deleted or SandboxFaultMode.Suspended || WorldViews.FindUser(world, handle, world.Clock.GetUtcNow()) is null)
        {
            return Results.NotFound();
        }

        var (page, _) = FollowersTimelineEndpoint.Read(world, handle, after, count);
        return HtmlPage.Ok(string.Join("\n", page.Select(UserCellMarkup.Render)));
    }
}
