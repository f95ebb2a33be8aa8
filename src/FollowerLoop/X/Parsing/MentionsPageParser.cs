using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FollowerLoop.X.Parsing;

/// <summary>
/// Reads x.com's <c>/notifications/mentions</c> timeline: each post that summoned the account, in page order.
/// How it summoned is read from structure, not words (labels follow the account's language): a quoted post
/// sits in a <c>div[role=link]</c> holding its own author line; a reply carries a link to the account's
/// profile outside its text ("Replying to @handle"); anything else is a mention.
/// </summary>
public static class MentionsPageParser
{
    private const string QuotedPost = "div[role=\"link\"]";

    public static IReadOnlyList<Mention> Parse(string html, string ownHandle)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownHandle);
        using var document = new HtmlParser().ParseDocument(html);
        var mentions = new List<Mention>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in TweetArticles.All(document))
        {
            if (TweetArticles.FindPermalink(article) is not { } permalink
                || permalink.Handle.Equals(ownHandle, StringComparison.OrdinalIgnoreCase)
                || !seen.Add(permalink.TweetId))
            {
                continue;
            }

            var text = article.QuerySelectorAll("[data-testid=\"tweetText\"]")
                .FirstOrDefault(node => TweetArticles.BelongsTo(node, article) && node.Closest(QuotedPost) is null);
            mentions.Add(new Mention(permalink.TweetId, permalink.Handle, text is null ? "" : TweetArticles.AuthorsText(text), permalink.PostedAt, KindOf(article, ownHandle)));
        }

        return mentions;
    }

    private static MentionKind KindOf(IElement article, string ownHandle)
    {
        if (article.QuerySelectorAll($"{QuotedPost} [data-testid=\"User-Name\"]").Any(node => TweetArticles.BelongsTo(node, article)))
        {
            return MentionKind.Quote;
        }

        var repliesToOwn = article.QuerySelectorAll("a[href]").Any(anchor =>
            TweetArticles.BelongsTo(anchor, article)
            && anchor.Closest("[data-testid=\"tweetText\"], [data-testid=\"User-Name\"]") is null
            && TweetArticles.PathOf(anchor.GetAttribute("href")).Equals($"/{ownHandle}", StringComparison.OrdinalIgnoreCase));
        return repliesToOwn ? MentionKind.Reply : MentionKind.Mention;
    }
}
