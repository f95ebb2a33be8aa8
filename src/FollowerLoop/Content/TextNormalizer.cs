using System.Text;
using System.Text.RegularExpressions;

namespace FollowerLoop.Content;

/// <summary>
/// The comparable form of a post's text: lower case, links dropped (x.com rewrites them to t.co),
/// punctuation and runs of white space folded. Two texts a reader would call "the same" normalise alike.
/// </summary>
public static partial class TextNormalizer
{
    public static string Normalize(string text)
    {
        var withoutLinks = UrlPattern().Replace(text.Normalize(NormalizationForm.FormKC), " ");
        var builder = new StringBuilder(withoutLinks.Length);
        foreach (var c in withoutLinks.ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) || char.IsSurrogate(c) || char.IsSymbol(c) ? c : ' ');
        }

        return WhiteSpace().Replace(builder.ToString(), " ").Trim();
    }

    [GeneratedRegex(@"https?://\S+|www\.\S+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
