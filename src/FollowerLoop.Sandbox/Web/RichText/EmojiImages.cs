using System.Globalization;
using System.Text;

namespace FollowerLoop.Sandbox.Web.RichText;

/// <summary>
/// x.com's emoji images (Twemoji file names: the code points in hex joined by "-", U+FE0F left out unless the emoji is a
/// ZWJ sequence). x.com serves them from abs-0.twimg.com; the sandbox serves a stand-in SVG at the same path on itself.
/// </summary>
internal static class EmojiImages
{
    public const string PathPrefix = "/emoji/v2/svg/";

    private const string ZeroWidthJoiner = "\u200D";

    public static string Path(string emoji) => $"{PathPrefix}{FileName(emoji)}.svg";

    public static string FileName(string emoji)
    {
        var keepSelector = emoji.Contains(ZeroWidthJoiner, StringComparison.Ordinal);
        var codes = emoji.EnumerateRunes()
            .Where(rune => keepSelector || rune.Value != 0xFE0F)
            .Select(rune => rune.Value.ToString("x", CultureInfo.InvariantCulture));
        return string.Join("-", codes);
    }

    /// <summary>The emoji a file name stands for; null when the name is not hex code points.</summary>
    public static string? FromFileName(string fileName)
    {
        var text = new StringBuilder();
        foreach (var part in fileName.Split('-'))
        {
            if (!int.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) || !Rune.IsValid(value))
            {
                return null;
            }

            text.Append(new Rune(value).ToString());
        }

        return text.Length > 0 ? text.ToString() : null;
    }

    /// <summary>A plain SVG showing the emoji as text, so pages that use the image never fail to load it.</summary>
    public static string Svg(string emoji) =>
        $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><text x="18" y="30" font-size="30" text-anchor="middle">{System.Security.SecurityElement.Escape(emoji)}</text></svg>""";
}
