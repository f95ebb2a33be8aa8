namespace FollowerLoop.Sandbox.Web.Html;

/// <summary>x.com's empty states: <c>[data-testid="empty_state_header_text"]</c> and <c>[data-testid="empty_state_body_text"]</c>.</summary>
internal static class EmptyStateMarkup
{
    public static string HeaderAndBody(string header, string body) =>
        $"""<div data-testid="empty_state_header_text"><span>{HtmlText.Encode(header)}</span></div><div data-testid="empty_state_body_text"><span>{HtmlText.Encode(body)}</span></div>""";

    /// <summary>In place of a timeline's posts.</summary>
    public static string InTimeline(string header, string body) =>
        $"""<div class="empty" data-testid="emptyState">{HeaderAndBody(header, body)}</div>""";

    /// <summary>In place of a whole page's content, as x.com shows a post or account it will not show.</summary>
    public static string InPage(string header, string body) =>
        $"""<div class="empty" data-testid="error-detail"><div data-testid="emptyState">{HeaderAndBody(header, body)}</div></div>""";
}
