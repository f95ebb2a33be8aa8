using AngleSharp.Html.Parser;
using FollowerLoop.X.Parsing;

namespace FollowerLoop.Browser.Tests.Parsing;

public sealed class TweetPageParserTests
{
    [Fact]
    public void Parse_PageWithoutActionBar_GivesUnknownCountsNotZero()
    {
        var html = WithoutActionBar(SavedPages.Read("rvinowise__general_posts__2.html"));

        var tweet = TweetPageParser.Parse(html);

        Assert.Equal("1694469132152975786", tweet.TweetId);
        Assert.Equal(EngagementCounts.Unknown, tweet.Counts);
    }

    [Fact]
    public void Parse_ActionBarWithoutLabel_GivesUnknownCounts() =>
        Assert.Equal(EngagementCounts.Unknown, TweetPageParser.Parse(Article("a", "1", label: null)).Counts);

    [Fact]
    public void Parse_MalformedActionBarLabel_FailsClearly()
    {
        var error = Assert.Throws<XPageFormatException>(() => TweetPageParser.Parse(Article("a", "1", "12 replies, lots likes, 3x views")));

        Assert.Contains("3x views", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ThreadPageWithId_ReadsTheFocalPostNotTheThreadAroundIt()
    {
        var html = Article("parent", "100", "9 replies") + Article("me", "200", "2 likes, 50 views") + Article("replier", "300", "1 like");

        var focal = TweetPageParser.Parse(html, "200");
        var first = TweetPageParser.Parse(html);

        Assert.Equal(new ParsedTweet("me", "200", new EngagementCounts(0, 0, 2, 0, 50)), focal);
        Assert.Equal("100", first.TweetId);
    }

    [Fact]
    public void Parse_LinksWithoutTime_AreNotThePostsOwnLink()
    {
        var quoteLink = """<a href="/quoted/status/999">Show more</a><a href="/me/status/200/analytics" aria-label="View post analytics"></a>""";

        var tweet = TweetPageParser.Parse(Article("me", "200", "3 likes", inside: quoteLink));

        Assert.Equal(("me", "200"), (tweet.Handle, tweet.TweetId));
    }

    [Fact]
    public void Parse_NestedQuotedArticle_DoesNotLendItsLinkOrCounts()
    {
        var html = Article("outer", "1", "4 likes", inside: Article("inner", "2", "99 likes"));

        var outer = TweetPageParser.Parse(html);

        Assert.Equal(new ParsedTweet("outer", "1", new EngagementCounts(0, 0, 4, 0, null)), outer);
        Assert.Equal(99, TweetPageParser.Parse(html, "2").Counts.Likes);
    }

    [Fact]
    public void Parse_AbsoluteLinks_AreRead() =>
        Assert.Equal("5", TweetPageParser.Parse(Article("me", "5", "1 like").Replace("href=\"/", "href=\"https://x.com/", StringComparison.Ordinal)).TweetId);

    [Fact]
    public void Parse_IdNotOnThePage_FailsNamingTheId()
    {
        var error = Assert.Throws<XPageFormatException>(() => TweetPageParser.Parse(Article("me", "1", "1 like"), "777"));

        Assert.Contains("777", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoPostAtAll_Fails() =>
        Assert.Throws<XPageFormatException>(() => TweetPageParser.Parse("<main><p>Something went wrong. Try reloading.</p></main>"));

    [Fact]
    public void Parse_ViewsMissingFromLabel_FallsBackToTheAnalyticsLink()
    {
        var html = SavedPages.Read("tweetyoink__x-tweet-quote.html")
            .Replace("797 bookmarks, 2596467 views\"", "797 bookmarks\"", StringComparison.Ordinal);

        Assert.Equal(2_596_467, TweetPageParser.Parse(html).Counts.Views);
    }

    [Fact]
    public void Parse_ViewsOnlyAsText_ReadsTheRoundedViewsLine()
    {
        var html = SavedPages.Read("tweetyoink__x-tweet-sample.html")
            .Replace("9 bookmarks, 30142 views\"", "9 bookmarks\"", StringComparison.Ordinal);

        var counts = TweetPageParser.Parse(html).Counts;

        Assert.Equal(new EngagementCounts(48, 152, 553, 9, 29_900), counts);
    }

    [Fact]
    public void Parse_TimelinePage_ReadsEachPostByItsId()
    {
        var html = SavedPages.Read("rvinowise__Read_list_updates_test__1.html");

        var tweet = TweetPageParser.Parse(html, "1735934804774854870");

        Assert.Equal(("tehprom269887", 15L), (tweet.Handle, tweet.Counts.Views));
    }

    internal static string Article(string handle, string id, string? label, string inside = "") =>
        $"""
        <article data-testid="tweet" role="article">
          <a href="/{handle}"><span>@{handle}</span></a>
          <a href="/{handle}/status/{id}"><time datetime="2026-01-05T10:00:00.000Z">1h</time></a>
          <div data-testid="tweetText"><span>post {id}</span></div>
          {inside}
          <div role="group" {(label is null ? "" : $"aria-label=\"{label}\"")}><button data-testid="reply"></button><button data-testid="like"></button></div>
        </article>
        """;

    private static string WithoutActionBar(string html)
    {
        using var document = new HtmlParser().ParseDocument(html);
        foreach (var group in document.QuerySelectorAll("article [role=\"group\"]").Where(g => g.QuerySelector("[data-testid=\"reply\"]") is not null).ToList())
        {
            group.Remove();
        }

        return document.DocumentElement.OuterHtml;
    }
}
