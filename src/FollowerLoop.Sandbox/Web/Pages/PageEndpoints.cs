using FollowerLoop.Sandbox.Web.Faults;
using FollowerLoop.Sandbox.Web.Html;
using FollowerLoop.Sandbox.Web.Profiles;
using FollowerLoop.Sandbox.Web.Sessions;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Pages;

/// <summary>The logged-in pages (and the profile cells main.js appends); without a live session each redirects to /i/flow/login.</summary>
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
        pages.MapGet("/{handle}/status/{id}", Status);
        pages.MapGet("/{handle}/status/{id}/analytics", Analytics);
        pages.MapGet(ProfileCellsEndpoint.Route, ProfileCellsEndpoint.Answer);
        return app;
    }

    private static IResult Profile(string handle, HttpContext context, SandboxWorld world)
    {
        var now = world.Clock.GetUtcNow();
        var viewer = world.Account.Handle;
        var fault = context.Fault();
        if (fault == SandboxFaultMode.Suspended)
        {
            return HtmlPage.Ok(UnavailablePage.SuspendedAccount(handle, viewer));
        }

        return WorldViews.FindUser(world, handle, now) is { } user && fault != SandboxFaultMode.Deleted
            ? HtmlPage.Ok(ProfilePage.Render(world, user, now, context.PageStyle(), postsProtected: fault == SandboxFaultMode.Protected))
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
