using System.Security.Cryptography;
using System.Text;
using FollowerLoop.Sandbox.Text;

namespace FollowerLoop.Sandbox.Web.RichText;

/// <summary>Finds the links in a post's text and gives each its t.co link, the same for pages and GraphQL.</summary>
internal static class TcoLinks
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int CodeLength = 10;

    /// <summary>The links in <paramref name="text"/>, in order; the same links the weighted length counts as 23.</summary>
    public static IReadOnlyList<TcoLink> Find(string text) =>
        [.. TextPatterns.Url().Matches(text).Select(match =>
        {
            // x.com expands a bare domain to http.
            var expanded = match.Value.Contains("://", StringComparison.Ordinal) ? match.Value : "http://" + match.Value;
            return new TcoLink(match.Index, match.Value, expanded, ShortUrl(expanded));
        })];

    /// <summary>A t.co link derived from the URL, so the same URL always gets the same link (x.com's are random; tests want them stable).</summary>
    public static string ShortUrl(string expandedUrl)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(expandedUrl));
        var code = new StringBuilder(CodeLength);
        foreach (var b in hash.AsSpan(0, CodeLength))
        {
            code.Append(Alphabet[b % Alphabet.Length]);
        }

        return "https://t.co/" + code;
    }
}
