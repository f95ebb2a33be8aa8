using FollowerLoop.X;
using FollowerLoop.X.Parsing;

namespace FollowerLoop.Browser.Tests.Parsing;

/// <summary>The mentions timeline is made of x.com's post articles: read here from real saved markup.</summary>
public sealed class MentionsPageParserTests
{
    [Fact]
    public void AQuotingPost_IsAQuote_ByItsAuthor_WithItsOwnTextNotTheQuoted()
    {
        var mention = Assert.Single(MentionsPageParser.Parse(SavedPages.Read("tweetyoink__x-tweet-quote.html"), "fl_demo"));

        Assert.Equal(("1983130065320780162", "TestQuoter", MentionKind.Quote), (mention.TweetId, mention.AuthorHandle, mention.Kind));
        Assert.NotEmpty(mention.Text);
        Assert.Equal(SearchResultsParser.Parse(SavedPages.Read("tweetyoink__x-tweet-quote.html"))[0].Text, mention.Text);
        Assert.NotNull(mention.PostedAt);
    }

    [Theory]
    [InlineData("rvinowise__general_posts__2.html", "RichardDawkins", "1694469132152975786")]
    [InlineData("tweetyoink__x-tweet-sample.html", "TestUser123", "1981398750557065646")]
    public void APlainPost_IsAMention(string page, string author, string tweetId)
    {
        var mention = Assert.Single(MentionsPageParser.Parse(SavedPages.Read(page), "fl_demo"), m => m.TweetId == tweetId);

        Assert.Equal((author, MentionKind.Mention), (mention.AuthorHandle, mention.Kind));
    }

    [Fact]
    public void TheAccountsOwnPosts_AreNotMentions()
    {
        Assert.Empty(MentionsPageParser.Parse(SavedPages.Read("rvinowise__general_posts__2.html"), "richarddawkins"));
    }

    [Fact]
    public void AReplyToTheAccount_IsRecognisedByTheLinkToItsProfile_NotByTheWords()
    {
        // x.com's reply line, in Spanish: the words are not read, the link to the account's profile is.
        const string html = """
            <article data-testid="tweet"><div data-testid="User-Name"><a href="/maya_builds">Maya</a>
            <a href="/maya_builds/status/1500000000000000002"><time datetime="2026-11-24T11:40:00.000Z">1h</time></a></div>
            <div dir="ltr">En respuesta a <div><a href="/fl_demo" role="link">@fl_demo</a></div></div>
            <div data-testid="tweetText">¡Muy buen hilo!</div></article>
            """;

        var mention = Assert.Single(MentionsPageParser.Parse(html, "FL_demo"));

        Assert.Equal(("maya_builds", MentionKind.Reply, "¡Muy buen hilo!"), (mention.AuthorHandle, mention.Kind, mention.Text));
    }
}
