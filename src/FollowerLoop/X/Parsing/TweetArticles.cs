using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace FollowerLoop.X.Parsing;

/// <summary>What every reader of x.com's post markup shares: finding posts and their own links.</summary>
internal static partial class TweetArticles
{
    public const string ArticleSelector = "article[data-testid=\"tweet\"]";

    public static IEnumerable<IElement> All(IParentNode root) => root.QuerySelectorAll(ArticleSelector);

    /// <summary>
    /// The post's own link: an <c>a</c> to <c>/{handle}/status/{id}</c> holding a <c>time</c>, belonging
    /// to this article and not to one nested in it. Other status links (quoted posts, "Show this
    /// thread", analytics) hold no time.
    /// </summary>
    public static Permalink? FindPermalink(IElement article, string? tweetId = null)
    {
        foreach (var anchor in article.QuerySelectorAll("a[href*=\"/status/\"]"))
        {
            if (!BelongsTo(anchor, article) || anchor.QuerySelector("time") is not { } time)
            {
                continue;
            }

            var match = StatusPath().Match(PathOf(anchor.GetAttribute("href")!));
            if (match.Success && (tweetId is null || match.Groups["id"].Value == tweetId))
            {
                return new Permalink(match.Groups["handle"].Value, match.Groups["id"].Value, ParseTime(time.GetAttribute("datetime")));
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="element"/> is in <paramref name="article"/> itself, not in a post nested in it.</summary>
    public static bool BelongsTo(IElement element, IElement article) =>
        element.Closest("article") is { } owner && ReferenceEquals(owner, article);

    /// <summary>The path of a link, whether written relative ("/a/status/1") or absolute ("https://x.com/a/status/1").</summary>
    public static string PathOf(string? href) =>
        href is not null && Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? uri.AbsolutePath
            : href ?? "";

    /// <summary>
    /// A post's text (<c>[data-testid="tweetText"]</c>) as its author wrote it: x.com draws emoji as <c>img</c> with the
    /// character in <c>alt</c>, and shows a t.co link as the start of the real one, the rest in hidden spans, then "…".
    /// </summary>
    public static string AuthorsText(IElement tweetText)
    {
        var text = new StringBuilder();
        AppendAuthorsText(tweetText, text);
        return text.ToString().Trim();
    }

    public static string NormalizedText(INode node) => Whitespace().Replace(node.TextContent, " ").Trim();

    private static void AppendAuthorsText(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText part:
                    text.Append(part.Data);
                    break;
                case IElement { LocalName: "img" } emoji:
                    text.Append(emoji.GetAttribute("alt"));
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement { LocalName: "a" } link when IsShortLink(link.GetAttribute("href")):
                    // The hidden spans hold the link's scheme and tail: the whole text, less the ellipsis, is the link.
                    var shown = link.TextContent.Trim().TrimEnd('…');
                    text.Append(shown.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? shown : link.GetAttribute("href"));
                    break;
                case IElement element:
                    AppendAuthorsText(element, text);
                    break;
            }
        }
    }

    private static bool IsShortLink(string? href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Host.Equals("t.co", StringComparison.OrdinalIgnoreCase);

    private static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    [GeneratedRegex(@"^/(?<handle>[A-Za-z0-9_]{1,15})/status/(?<id>\d{1,20})/?$", RegexOptions.CultureInvariant)]
    private static partial Regex StatusPath();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
