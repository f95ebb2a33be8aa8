using System.Text.Json;

namespace FollowerLoop.Sandbox.Web.Html;

/// <summary>The page shell: x.com's banner navigation (when logged in), <c>main[role="main"]</c> with the primary column, and #layers for toasts and dialogs.</summary>
internal static class PageLayout
{
    public const string ScriptPath = "/responsive-web/client-web/main.js";

    public const string StylePath = "/responsive-web/client-web/main.css";

    private static readonly JsonSerializerOptions ConfigJson = new(JsonSerializerDefaults.Web);

    /// <param name="title">The part before " / X" in the tab title.</param>
    /// <param name="config">Tells main.js which page this is.</param>
    /// <param name="handle">The logged-in account; null renders the logged-out shell.</param>
    public static string Render(string title, string primaryColumn, PageConfig config, string? handle, string layers = "")
    {
        var banner = handle is null ? string.Empty : Banner(handle);
        var json = JsonSerializer.Serialize(config, ConfigJson);
        return $$"""
            <!DOCTYPE html>
            <html dir="ltr" lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>{{HtmlText.Encode(title)}} / X</title><link rel="stylesheet" href="{{StylePath}}"></head>
            <body><div id="react-root"><div class="app">{{banner}}
            <main role="main"><div class="columns"><div data-testid="primaryColumn" class="primary">{{primaryColumn}}</div></div></main>
            </div><div id="layers">{{layers}}</div></div>
            <script type="application/json" id="sandbox-config">{{json}}</script>
            <script src="{{ScriptPath}}" defer></script>
            </body></html>
            """;
    }

    private static string Banner(string handle)
    {
        var encoded = HtmlText.Encode(handle);
        return $$"""
            <header role="banner" class="banner"><h1 role="heading"><a href="/home" aria-label="X" role="link">{{Icons.Logo}}</a></h1>
            <nav aria-label="Primary" role="navigation"><a href="/home" aria-label="Home" role="link" data-testid="AppTabBar_Home_Link">Home</a>
            <a href="/explore" aria-label="Search and explore" role="link" data-testid="AppTabBar_Explore_Link">Explore</a>
            <a href="/notifications" aria-label="Notifications" role="link" data-testid="AppTabBar_Notifications_Link">Notifications</a>
            <a href="/{{encoded}}" aria-label="Profile" role="link" data-testid="AppTabBar_Profile_Link">Profile</a>
            <a href="/compose/post" aria-label="Post" role="link" data-testid="SideNav_NewTweet_Button">Post</a></nav>
            <button aria-label="Account menu" role="button" data-testid="SideNav_AccountSwitcher_Button" type="button"><span>@{{encoded}}</span></button></header>
            """;
    }
}
