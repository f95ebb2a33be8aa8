using System.Text;
using System.Text.Json.Nodes;
using FollowerLoop.Sandbox.Web.RichText;

namespace FollowerLoop.Sandbox.Web.GraphQl;

/// <summary>
/// A post's text as x.com stores it in <c>legacy.full_text</c>: each link replaced by its t.co link and <c>&amp;</c>,
/// <c>&lt;</c>, <c>&gt;</c> HTML-escaped, with <c>entities.urls</c> whose indices count code points of the text
/// before that escaping (x.com's quirk: a client must unescape before slicing).
/// </summary>
/// <param name="Indexed">The text the indices count in: links replaced, not escaped.</param>
internal sealed record StoredText(string FullText, string Indexed, JsonArray Urls)
{
    public static StoredText Of(string text)
    {
        var indexed = new StringBuilder(text.Length);
        var urls = new JsonArray();
        var position = 0;
        foreach (var link in TcoLinks.Find(text))
        {
            indexed.Append(text, position, link.Index - position);
            var start = GraphQlShapes.CodePoints(indexed.ToString());
            indexed.Append(link.Short);
            urls.Add(new JsonObject
            {
                ["display_url"] = link.Display,
                ["expanded_url"] = link.Expanded,
                ["url"] = link.Short,
                ["indices"] = new JsonArray(start, start + GraphQlShapes.CodePoints(link.Short)),
            });
            position = link.Index + link.Length;
        }

        indexed.Append(text, position, text.Length - position);
        var unescaped = indexed.ToString();
        var escaped = unescaped.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        return new StoredText(escaped, unescaped, urls);
    }
}
