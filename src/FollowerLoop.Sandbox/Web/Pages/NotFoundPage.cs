using FollowerLoop.Sandbox.Web.Html;

namespace FollowerLoop.Sandbox.Web.Pages;

/// <summary>x.com's texts for a missing page and a missing account.</summary>
internal static class NotFoundPage
{
    public static string Page(string? handle) => Render(
        "Page not found",
        """<span>Hmm...this page doesn’t exist. Try searching for something else.</span>""",
        handle);

    public static string Account(string screenName, string? handle) => Render(
        "Profile",
        EmptyStateMarkup.HeaderAndBody("This account doesn’t exist", "Try searching for another.") + $"""<div class="visually-hidden">@{HtmlText.Encode(screenName)}</div>""",
        handle);

    private static string Render(string title, string message, string? handle) =>
        PageLayout.Render(title, $"""<div class="empty" data-testid="error-detail"><div dir="ltr">{message}</div><a href="/explore" role="link" class="primary-button">Search</a></div>""", new PageConfig("error", handle), handle);
}
