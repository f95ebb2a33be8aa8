using AngleSharp.Html.Parser;

namespace FollowerLoop.X.Parsing;

/// <summary>Reads the posts of a search (or any timeline) page, in page order, each once.</summary>
public static class SearchResultsParser
{
    public static IReadOnlyList<FoundTweet> Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = new HtmlParser().ParseDocument(html);
        var found = new List<FoundTweet>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in TweetArticles.All(document))
        {
            if (TweetArticles.FindPermalink(article) is { } permalink && seen.Add(permalink.TweetId))
            {
                var text = article.QuerySelectorAll("[data-testid=\"tweetText\"]").FirstOrDefault(node => TweetArticles.BelongsTo(node, article));
                found.Add(new FoundTweet(permalink.TweetId, permalink.Handle, text is null ? "" : TweetArticles.AuthorsText(text), permalink.PostedAt));
            }
        }

        return found;
    }
}
