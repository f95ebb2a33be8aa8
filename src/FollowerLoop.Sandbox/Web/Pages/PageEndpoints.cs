using FollowerLoop.Sandbox.Web.Faults;
using FollowerLoop.Sandbox.Web.Followers;
using FollowerLoop.Sandbox.Web.Html;
using FollowerLoop.Sandbox.Web.Profiles;
using FollowerLoop.Sandbox.Web.Sessions;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Pages;

/// <summary>The logged-in pages (and the profile and follower cells main.js appends); without a live session each redirects to /i/flow/login.</summary>
internal static class PageEndpoints
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(string.Empty).AddEndpointFilter<PageSessionFilter>();
        pages.MapGet("/", () => Results.Redirect("/home"));
        pages.MapGet("/home", (HttpContext context, SandboxWorld world) =>
            HtmlPage.Ok(HomePage.Render(world, world.Clock.GetUtcNow(), context.PageStyle(), composeDialog: false)));
        pages.MapGet("/compose/post", (HttpContext context, SandboxWorld world) =>
            HtmlPage.Ok(HomePage.Render(world, world.Clock.GetUtcNow(), context.PageStyle(), composeDialog: true)));
        pages.MapGet("/explore", (HttpContext context, SandboxWorld world) =>
            HtmlPage.Ok(SearchPage.Render(world, string.Empty, latest: true, world.Clock.GetUtcNow(), context.PageStyle())));
        pages.MapGet("/search", (HttpContext context, SandboxWorld world) =>
            HtmlPage.Ok(SearchPage.Render(world, context.Request.Query["q"].ToString().Trim(), context.Request.Query["f"] == "live", world.Clock.GetUtcNow(), context.PageStyle())));
        // Only the Mentions tab exists here; the All tab leads to it.
        pages.MapGet("/notifications", () => Results.Redirect("/notifications/mentions"));
        pages.MapGet("/notifications/mentions", (HttpContext context, SandboxWorld world) =>
            HtmlPage.Ok(MentionsPage.Render(world, world.Clock.GetUtcNow(), context.PageStyle())));
        pages.MapGet(AccessPage.Path, (SandboxWorld world) => HtmlPage.Ok(AccessPage.Render(world.Account.Handle)));
        pages.MapGet("/{handle}", Profile);
        pages.MapGet("/{handle}/followers", Followers);
        pages.MapGet("/{handle}/status/{id}", Status);
        pages.MapGet("/{handle}/status/{id}/analytics", Analytics);
        pages.MapGet(ProfileCellsEndpoint.Route, ProfileCellsEndpoint.Answer);
        pages.MapGet(FollowerCellsEndpoint.Route, FollowerCellsEndpoint.Answer);
        return app;
    }

    private static IResult Profile(string handle, HttpContext context, SandboxWorld world) =>
        ForAccount(handle, context, world, user => ProfilePage.Render(world, user, world.Clock.GetUtcNow(), context.PageStyle(), postsProtected: context.Fault() == SandboxFaultMode.Protected));

    private static IResult Followers(string handle, HttpContext context, SandboxWorld world) =>
        ForAccount(handle, context, world, user => FollowersPage.Render(world, user));

    // An account's pages (its profile, its followers): a suspended or missing account's state in their place, as x.com shows them.
    private static IResult ForAccount(string handle, HttpContext context, SandboxWorld world, Func<UserView, string> render)
    {
        var viewer = world.Account.Handle;
        var fault = context.Fault();
        if (fault == SandboxFaultMode.Suspended)
        {
            return HtmlPage.Ok(UnavailablePage.SuspendedAccount(handle, viewer));
        }

        return WorldViews.FindUser(world, handle, world.Clock.GetUtcNow()) is { } user && fault != SandboxFaultMode.Deleted
            ? HtmlPage.Ok(render(user))
            : HtmlPage.Ok(NotFoundPage.Account(handle, viewer));
    }

    // Like x.com, the post is found by id alone; the handle in the path is not checked.
    private static IResult Status(string id, HttpContext context, SandboxWorld world)
    {
        var now = world.Clock.GetUtcNow();
        var viewer = world.Account.Handle;
        if (FindUnlessDeleted(id, context, world) is not { } tweet)
        {
            return HtmlPage.Ok(NotFoundPage.Page(viewer));
        }

        return HtmlPage.Ok(context.Fault() switch
        {
            SandboxFaultMode.Protected => UnavailablePage.ProtectedPost(tweet, viewer),
            SandboxFaultMode.Suspended => UnavailablePage.SuspendedPost(tweet, viewer),
            _ => StatusPage.Render(world, tweet, now, context.PageStyle()),
        });
    }

    private static IResult Analytics(string id, HttpContext context, SandboxWorld world) =>
        HtmlPage.Ok(FindUnlessDeleted(id, context, world) is { } tweet
            ? AnalyticsPage.Render(tweet, world.Account.Handle)
            : NotFoundPage.Page(world.Account.Handle));

    // x.com answers a missing post's or account's page with 200 and says so in the page (its client learns it from GraphQL).
    private static TweetView? FindUnlessDeleted(string id, HttpContext context, SandboxWorld world) =>
        context.Fault() == SandboxFaultMode.Deleted ? null : WorldViews.FindTweet(world, id, world.Clock.GetUtcNow());
}
