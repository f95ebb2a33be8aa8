using System.Net;
using System.Text.Json.Nodes;

namespace FollowerLoop.X.Parsing;

/// <summary>
/// A post's text as X's JSON holds it (GraphQL's <c>full_text</c> or note text, API v2's <c>text</c>), turned back
/// into what its author wrote: <c>&amp;amp;</c>, <c>&amp;lt;</c>, <c>&amp;gt;</c> unescaped (X escapes them), each t.co
/// link replaced by the link it stands for, and the t.co links X appends for attached media dropped.
/// </summary>
public static class StoredText
{
    /// <param name="urls">The <c>entities.urls</c> array: <c>url</c> (t.co) and <c>expanded_url</c> of each link.</param>
    /// <param name="media">The <c>entities.media</c> array, whose t.co <c>url</c>s are not part of the text.</param>
    public static string Restore(string text, JsonNode? urls, JsonNode? media = null)
    {
        var restored = WebUtility.HtmlDecode(text);
        foreach (var link in urls as JsonArray ?? [])
        {
            if (Value(link?["url"]) is { } shortened && Value(link?["expanded_url"]) is { } expanded)
            {
                restored = restored.Replace(shortened, expanded, StringComparison.Ordinal);
            }
        }

        foreach (var attached in media as JsonArray ?? [])
        {
            if (Value(attached?["url"]) is { } shortened)
            {
                restored = restored.Replace(shortened, string.Empty, StringComparison.Ordinal);
            }
        }

        return restored.Trim();
    }

    private static string? Value(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
