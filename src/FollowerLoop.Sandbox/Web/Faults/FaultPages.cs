using FollowerLoop.Sandbox.Web.Html;

namespace FollowerLoop.Sandbox.Web.Faults;

/// <summary>The pages x.com shows when it fails or rate-limits, with the HTTP status a client can check.</summary>
internal static class FaultPages
{
    public const string ErrorText = "Something went wrong. Try reloading.";
    public const string RateLimitText = "Rate limit exceeded. Sorry, you are rate limited. Please wait a few moments then try again.";

    public static IResult Error() => Page(ErrorText, StatusCodes.Status500InternalServerError);

    public static IResult RateLimited() => Page(RateLimitText, StatusCodes.Status429TooManyRequests);

    private static IResult Page(string message, int status)
    {
        var body = $$"""
            <div class="error-detail" data-testid="error-detail" role="alert"><div dir="ltr"><span>{{HtmlText.Encode(message)}}</span></div>
            <button role="button" type="button" class="primary-button" onclick="location.reload()"><div dir="ltr"><span><span>Retry</span></span></div></button></div>
            """;
        return Results.Content(PageLayout.Render("X", body, new PageConfig("error", null), null), "text/html; charset=utf-8", statusCode: status);
    }
}
