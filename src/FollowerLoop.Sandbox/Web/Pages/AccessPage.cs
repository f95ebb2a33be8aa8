using FollowerLoop.Sandbox.Web.Html;

namespace FollowerLoop.Sandbox.Web.Pages;

/// <summary>/account/access: where x.com sends a locked account (the <c>locked</c> fault), with a Start button to unlock it.</summary>
internal static class AccessPage
{
    public const string Path = "/account/access";

    public static bool IsAccessPath(string path) => string.Equals(path.TrimEnd('/'), Path, StringComparison.OrdinalIgnoreCase);

    public static string Render(string viewer)
    {
        var body = $$"""
            <div class="access" data-testid="account-access"><h1 role="heading" aria-level="1"><span>Your account has been locked.</span></h1>
            <div dir="ltr"><span>We’ve temporarily limited some of your account features. To unlock your account, you’ll need to pass a few checks.</span></div>
            <form method="get" action="{{Path}}"><button role="button" type="submit" class="primary-button" data-testid="access-start"><div dir="ltr"><span><span>Start</span></span></div></button></form></div>
            """;

        // x.com shows this page on its own, without the app's navigation.
        return PageLayout.Render("Your account has been locked", body, new PageConfig("access", viewer), null);
    }
}
