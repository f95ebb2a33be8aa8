using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FollowerLoop.X.Parsing;

/// <summary>
/// Reads a profile header from x.com markup: followers from <c>a[href="/{handle}/verified_followers"]</c>
/// (else <c>/followers</c>), following from <c>a[href="/{handle}/following"]</c>. x.com shows only
/// compact numbers there ("393.2K Followers", "1 Follower"); exact counts are in its GraphQL response.
/// The bio is <c>[data-testid="UserDescription"]</c>.
/// </summary>
public static partial class ProfilePageParser
{
    /// <summary>True when the markup has a profile header (name block or follow-count links).</summary>
    public static bool LooksLikeProfile(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = new HtmlParser().ParseDocument(html);
        return document.QuerySelector("[data-testid=\"UserName\"]") is not null
            || FindCountLink(document, handle: null, "following") is not null;
    }

    /// <param name="html">The page or a part of it holding the header.</param>
    /// <param name="handle">The profile's handle; read from the header when null.</param>
    public static ParsedProfile Parse(string html, string? handle = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = new HtmlParser().ParseDocument(html);
        return Parse(document, handle);
    }

    private static ParsedProfile Parse(IDocument document, string? handle)
    {
        handle ??= FindHandle(document)
            ?? throw new XPageFormatException("No profile found: neither [data-testid=\"UserName\"] with an @handle nor a /following link.");

        var followers = FindCountLink(document, handle, "verified_followers") ?? FindCountLink(document, handle, "followers");
        var following = FindCountLink(document, handle, "following");
        var bio = document.QuerySelector("[data-testid=\"UserDescription\"]") is { } description ? TweetArticles.NormalizedText(description) : null;
        return new ParsedProfile(handle, ReadCount(followers), ReadCount(following), bio);
    }

    private static string? FindHandle(IDocument document)
    {
        var name = document.QuerySelector("[data-testid=\"UserName\"]");
        var fromName = name is null ? null : AtHandle().Match(name.TextContent);
        if (fromName is { Success: true })
        {
            return fromName.Groups["handle"].Value;
        }

        var link = FindCountLink(document, handle: null, "following");
        return link is null ? null : TweetArticles.PathOf(link.GetAttribute("href")).Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
    }

    /// <summary><c>a[href="/{handle}/{page}"]</c>, the handle compared case-insensitively as x.com does; any handle when null.</summary>
    private static IElement? FindCountLink(IParentNode root, string? handle, string page) =>
        root.QuerySelectorAll($"a[href$=\"/{page}\"]").FirstOrDefault(link =>
        {
            var segments = TweetArticles.PathOf(link.GetAttribute("href")).Split('/', StringSplitOptions.RemoveEmptyEntries);
            return segments.Length == 2 && (handle is null || string.Equals(segments[0], handle, StringComparison.OrdinalIgnoreCase));
        });

    private static CompactNumber? ReadCount(IElement? link)
    {
        if (link is null)
        {
            return null;
        }

        var text = TweetArticles.NormalizedText(link);
        var match = CountText().Match(text);
        if (match.Success && CompactNumber.TryParse(match.Groups["count"].Value, out var count))
        {
            return count;
        }

        // A count in the account's interface language ("393,2 mil Seguidores", "12.345 Follower" in German, where the
        // word is English's singular and the dot groups thousands): its number format is not read, so the count is
        // unknown rather than misread (UserByScreenName has it exact).
        return LocalisedCountText().IsMatch(text)
            ? null
            : throw new XPageFormatException($"Profile count link {link.GetAttribute("href")} reads '{text}', not \"<count> Followers/Following\".");
    }

    [GeneratedRegex(@"@(?<handle>[A-Za-z0-9_]{1,15})\b", RegexOptions.CultureInvariant)]
    private static partial Regex AtHandle();

    [GeneratedRegex(@"^(?<count>\d[\d.,]*[KMBkmb]?)\s*(?:Followers?|Following)$", RegexOptions.CultureInvariant)]
    private static partial Regex CountText();

    [GeneratedRegex(@"^\d[\d.,\u00A0 ]*\p{L}*\.?\s+\p{L}[\p{L} ]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalisedCountText();
}
