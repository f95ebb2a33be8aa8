using FollowerLoop.Sandbox.Web.Html;

namespace FollowerLoop.Sandbox.Web.Pages;

/// <summary>
/// What x.com shows (with status 200) for a post or account it will not show: a protected account's post, a suspended
/// account and its posts. The page config still names the page, so main.js makes the page's GraphQL call, as x.com's client does.
/// </summary>
internal static class UnavailablePage
{
    private const string SuspendedBody = "X suspends accounts which violate the X Rules.";

    public static string ProtectedPost(TweetView tweet, string viewer) =>
        PostPage(tweet, viewer, "These posts are protected", $"Only approved followers can see @{tweet.Handle}’s posts. To request access, click Follow.");

    public static string SuspendedPost(TweetView tweet, string viewer) =>
        PostPage(tweet, viewer, "This post is from a suspended account.", SuspendedBody);

    /// <summary>No profile header at all: x.com shows only the empty state for a suspended account.</summary>
    public static string SuspendedAccount(string screenName, string viewer) =>
        PageLayout.Render(
            "Profile",
            Heading("Profile") + EmptyStateMarkup.InPage("Account suspended", SuspendedBody) + $"""<div class="visually-hidden">@{HtmlText.Encode(screenName)}</div>""",
            new PageConfig("profile", viewer, screenName),
            viewer);

    private static string PostPage(TweetView tweet, string viewer, string header, string body) =>
        PageLayout.Render("Post", Heading("Post") + EmptyStateMarkup.InPage(header, body), new PageConfig("status", viewer, tweet.Handle, tweet.Id), viewer);

    private static string Heading(string text) =>
        $"""<div class="page-header"><h2 dir="ltr" aria-level="2" role="heading"><span>{HtmlText.Encode(text)}</span></h2></div>""";
}
