using FollowerLoop.Sandbox.Web.Html;

namespace FollowerLoop.Sandbox.Web.Pages;

/// <summary>A labelled list of post cells, as x.com wraps timelines: <c>section[role="region"] div[aria-label="Timeline: …"]</c>.</summary>
internal static class Timeline
{
    public static string Render(string label, string heading, IEnumerable<string> cells, string emptyText)
    {
        var content = string.Join("\n", cells);
        if (content.Length == 0)
        {
            content = $"""<div class="empty" data-testid="emptyState"><div dir="ltr"><span>{HtmlText.Encode(emptyText)}</span></div></div>""";
        }

        return $$"""
            <section aria-labelledby="accessible-list-1" role="region"><h1 dir="auto" aria-level="1" role="heading" id="accessible-list-1" class="visually-hidden">{{HtmlText.Encode(heading)}}</h1>
            <div aria-label="Timeline: {{HtmlText.Encode(label)}}"><div>{{content}}</div></div></section>
            """;
    }
}
