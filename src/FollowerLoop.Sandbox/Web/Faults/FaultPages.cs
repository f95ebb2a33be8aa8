using FollowerLoop.Sandbox.Web.Html;

namespace FollowerLoop.Sandbox.Web.Faults;

/// <summary>
/// The pages x.com shows when it fails or rate-limits: as a server answer with the HTTP status a client can check
/// (<see cref="Error"/>, <see cref="RateLimited"/>), or as its client renders them inside the app with status 200
/// (<see cref="ErrorInApp"/>, <see cref="RateLimitedInApp"/>), where only the page's text tells.
/// </summary>
internal static class FaultPages
{
    public const string ErrorText = "Something went wrong. Try reloading.";
    public const string RateLimitText = "Rate limit exceeded. Sorry, you are rate limited. Please wait a few moments then try again.";

    public static IResult Error() => Page(ErrorText, StatusCodes.Status500InternalServerError, new PageConfig("error", null), null);

    public static IResult RateLimited() => Page(RateLimitText, StatusCodes.Status429TooManyRequests, new PageConfig("error", null), null);

    /// <param name="config">The page's own config, so main.js still makes the page's GraphQL call.</param>
    /// <param name="viewer">The logged-in account; null renders the logged-out shell.</param>
    public static IResult ErrorInApp(PageConfig config, string? viewer) => Page(ErrorText, StatusCodes.Status200OK, config, viewer);

    /// <inheritdoc cref="ErrorInApp"/>
    public static IResult RateLimitedInApp(PageConfig config, string? viewer) => Page(RateLimitText, StatusCodes.Status200OK, config, viewer);

    private static IResult Page(string message, int status, PageConfig config, string? viewer)
    {
        var body = $$"""
            <div class="error-detail" data-testid="error-detail" role="alert"><div dir="ltr"><span>{{HtmlText.Encode(message)}}</span></div>
            <button role="button" type="button" class="primary-button" onclick="location.reload()"><div dir="ltr"><span><span>Retry</span></span></div></button></div>
            """;
        return Results.Content(PageLayout.Render("X", body, config, viewer), "text/html; charset=utf-8", statusCode: status);
    }
}
