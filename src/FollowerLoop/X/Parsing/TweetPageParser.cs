using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FollowerLoop.X.Parsing;

/// <summary>
/// Reads a post from x.com markup: a post's own page, a timeline, or a saved fragment. The same
/// reader serves saved fixtures and live pages.
/// </summary>
/// <remarks>
/// The focal post is the article whose own link <c>/{handle}/status/{id}</c> holds its <c>time</c>
/// (a post's page also shows the thread above, replies below and quoted posts). Without an id, the
/// first such article in document order is taken: on a post's page with no thread above it and in
/// a single saved post that is the post itself; pass the id to be sure.
/// Counts come from the action bar's <c>aria-label</c> (exact); views, which old posts do not show,
/// fall back to the <c>/analytics</c> link's label and then to the "29.9K Views" text (rounded).
/// </remarks>
public static partial class TweetPageParser
{
    private static readonly string[] ActionButtons = ["reply", "retweet", "unretweet", "like", "unlike", "bookmark", "removeBookmark"];

    public static ParsedTweet Parse(string html, string? tweetId = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = new HtmlParser().ParseDocument(html);
        return Parse(document, tweetId);
    }

    /// <summary>Every post of a timeline page (a profile's posts, a search) with its own counts, in page order, each once.</summary>
    public static IReadOnlyList<ParsedTweet> ParseAll(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = new HtmlParser().ParseDocument(html);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return TweetArticles.All(document)
            .Select(article => (Article: article, Permalink: TweetArticles.FindPermalink(article)))
            .Where(found => found.Permalink is { } permalink && seen.Add(permalink.TweetId))
            .Select(found => new ParsedTweet(found.Permalink!.Handle, found.Permalink.TweetId, ReadCounts(found.Article)))
            .ToList();
    }

    private static ParsedTweet Parse(IDocument document, string? tweetId)
    {
        foreach (var article in TweetArticles.All(document))
        {
            if (TweetArticles.FindPermalink(article, tweetId) is { } permalink)
            {
                return new ParsedTweet(permalink.Handle, permalink.TweetId, ReadCounts(article));
            }
        }

        throw new XPageFormatException(tweetId is null
            ? "No post found: no article[data-testid=\"tweet\"] has a /status/ link holding its time."
            : $"Post {tweetId} not found: no article[data-testid=\"tweet\"] has a link to /status/{tweetId} holding its time.");
    }

    private static EngagementCounts ReadCounts(IElement article)
    {
        var label = FindActionBar(article)?.GetAttribute("aria-label");
        var counts = label is null ? EngagementCounts.Unknown : ActionBarLabel.Parse(label);
        return counts.Views is null ? counts with { Views = ViewsFromAnalyticsLink(article) ?? ViewsFromText(article) } : counts;
    }

    /// <summary>The <c>[role="group"]</c> holding the reply/repost/like buttons (a media carousel is a group too).</summary>
    private static IElement? FindActionBar(IElement article) =>
        article.QuerySelectorAll("[role=\"group\"]").FirstOrDefault(group =>
            TweetArticles.BelongsTo(group, article)
            && ActionButtons.Any(button => group.QuerySelector($"[data-testid=\"{button}\"]") is not null));

    /// <summary>"2596467 views. View post analytics" (exact); old posts say only "View post analytics".</summary>
    private static long? ViewsFromAnalyticsLink(IElement article)
    {
        foreach (var link in article.QuerySelectorAll("a[href$=\"/analytics\"]"))
        {
            var match = AnalyticsLabel().Match(link.GetAttribute("aria-label") ?? "");
            if (TweetArticles.BelongsTo(link, article) && match.Success)
            {
                return CompactNumber.Parse(match.Groups["count"].Value).Value;
            }
        }

        return null;
    }

    /// <summary>A post's own page writes "29.9K Views" under the text: a "Views" span beside the number's.</summary>
    private static long? ViewsFromText(IElement article)
    {
        var words = article.QuerySelectorAll("span").Where(span =>
            span.ChildElementCount == 0 && ViewsWord().IsMatch(span.TextContent.Trim()) && TweetArticles.BelongsTo(span, article));
        foreach (var word in words)
        {
            // Climb a few levels to the element that also holds the number.
            var scope = word.ParentElement;
            for (var level = 0; level < 4 && scope is not null && !ReferenceEquals(scope, article); level++, scope = scope.ParentElement)
            {
                var match = ViewsText().Match(TweetArticles.NormalizedText(scope));
                if (match.Success)
                {
                    return CompactNumber.Parse(match.Groups["count"].Value).Value;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?<count>[\d,]+)\s+views?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnalyticsLabel();

    [GeneratedRegex(@"^Views?$", RegexOptions.CultureInvariant)]
    private static partial Regex ViewsWord();

    [GeneratedRegex(@"(?:^|[\s·])(?<count>\d[\d.,]*[KMBkmb]?)\s*Views?$", RegexOptions.CultureInvariant)]
    private static partial Regex ViewsText();
}
