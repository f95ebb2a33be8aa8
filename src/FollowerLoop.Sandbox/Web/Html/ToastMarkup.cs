namespace FollowerLoop.Sandbox.Web.Html;

/// <summary>x.com's toast, <c>[data-testid="toast"][role="alert"]</c>, for a form's error.</summary>
internal static class ToastMarkup
{
    /// <returns>Nothing when there is no message.</returns>
    public static string Render(string? message) =>
        message is null
            ? string.Empty
            : $"""<div aria-live="assertive"><div data-testid="toast" role="alert"><div dir="ltr"><span>{HtmlText.Encode(message)}</span></div></div></div>""";
}
