namespace FollowerLoop.Sandbox.Web.Pages;

internal static class HtmlPage
{
    public static IResult Ok(string html) => Results.Content(html, "text/html; charset=utf-8");
}
