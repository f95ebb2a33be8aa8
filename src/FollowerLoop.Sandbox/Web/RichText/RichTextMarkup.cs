using System.Globalization;
using System.Text;
using FollowerLoop.Sandbox.Text;
using FollowerLoop.Sandbox.Web.Html;

namespace FollowerLoop.Sandbox.Web.RichText;

/// <summary>
/// A post's text as x.com renders it inside <c>[data-testid="tweetText"]</c>: text in spans, each emoji an
/// <c>img</c> whose <c>alt</c> holds the emoji, each link an anchor to its t.co link that shows at most 23 characters
/// of the URL and hides the scheme, the rest and the "…" in <c>aria-hidden</c> spans, so the page's text is not the post's text.
/// </summary>
internal static class RichTextMarkup
{
    private const string Hidden = """<span aria-hidden="true" class="r-qlhcfr">""";

    public static string Render(string text)
    {
        var html = new StringBuilder(text.Length * 2);
        var position = 0;
        foreach (var link in TcoLinks.Find(text))
        {
            AppendPlain(html, text[position..link.Index]);
            AppendLink(html, link);
            position = link.Index + link.Length;
        }

        AppendPlain(html, text[position..]);
        return html.ToString();
    }

    private static void AppendLink(StringBuilder html, TcoLink link)
    {
        html.Append($"""<a dir="ltr" href="{link.Short}" rel="noopener noreferrer nofollow" target="_blank" role="link" class="css-1jxf684">""");
        if (link.Scheme.Length > 0)
        {
            html.Append(Hidden).Append(HtmlText.Encode(link.Scheme)).Append("</span>");
        }

        html.Append(HtmlText.Encode(link.Visible));
        if (link.HiddenTail.Length > 0)
        {
            html.Append(Hidden).Append(HtmlText.Encode(link.HiddenTail)).Append("</span>");
            html.Append(Hidden).Append("…</span>");
        }

        html.Append("</a>");
    }

    private static void AppendPlain(StringBuilder html, string text)
    {
        var run = new StringBuilder();
        var graphemes = StringInfo.GetTextElementEnumerator(text);
        while (graphemes.MoveNext())
        {
            var grapheme = graphemes.GetTextElement();
            if (!XComTweetLength.IsEmoji(grapheme))
            {
                run.Append(grapheme);
                continue;
            }

            AppendSpan(html, run);
            var alt = HtmlText.Encode(grapheme);
            html.Append($"""<img alt="{alt}" draggable="false" src="{EmojiImages.Path(grapheme)}" title="{HtmlText.Encode(EmojiNames.Title(grapheme))}" class="r-4qtqp9 r-dflpy8 r-k4bwe5 r-1kpi4qh r-pp5qcn r-h9hxbl">""");
        }

        AppendSpan(html, run);
    }

    private static void AppendSpan(StringBuilder html, StringBuilder run)
    {
        if (run.Length > 0)
        {
            html.Append("<span>").Append(HtmlText.Encode(run.ToString())).Append("</span>");
            run.Clear();
        }
    }
}
