using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.X.Parsing;

namespace FollowerLoop.Browser.Tests.Parsing;

/// <summary>
/// A post's text as its author wrote it, from what x.com stores (GraphQL: escaped, t.co links; the page: emoji as
/// images, links shortened): what crash recovery compares with the text it meant to post.
/// </summary>
public sealed class AuthorsTextTests
{
    private static string UserTweets => File.ReadAllText(SavedXFixtures.UserTweets);

    [Fact]
    public void GraphQlText_HasXsEscapesUndone_AndItsTcoLinksExpanded()
    {
        var posts = GraphQlResponses.ParseTimeline(UserTweets);

        var chat = posts.Single(p => p.TweetId == "2082640274845811115").Text!;
        Assert.StartsWith("X Chat API & Chat XDK are live!", chat, StringComparison.Ordinal);
        Assert.Contains("C# & Java.", chat, StringComparison.Ordinal);
        Assert.EndsWith("https://docs.x.com/xchat/introduction", chat, StringComparison.Ordinal);
        Assert.Equal("Get started with the Chat XDK\nhttps://github.com/xdevplatform/chat-xdk", posts.Single(p => p.TweetId == "2082640276389249363").Text);
    }

    [Fact]
    public void GraphQlText_OfALongPost_IsTheNoteWithItsOwnLinks_AndAnImagesLinkIsDropped()
    {
        var posts = GraphQlResponses.ParseTimeline(UserTweets);

        var swarm = posts.Single(p => p.TweetId == "2075716337603907695").Text!;
        Assert.Contains("between anyone you want: https://www.americanexperiment.app/\n\nsimply give agents", swarm, StringComparison.Ordinal);
        Assert.True(swarm.Length > 280, "a note tweet's text is longer than legacy.full_text's 280 characters");
        Assert.DoesNotContain("t.co/", swarm, StringComparison.Ordinal);
        // The t.co link x.com appends for an attached image is not part of what the author wrote.
        Assert.EndsWith("delivery for @ mentions.\n\nDocs: https://docs.x.com/x-api/activity/introduction", posts.Single(p => p.TweetId == "2074882755905585583").Text, StringComparison.Ordinal);
        Assert.EndsWith("with this new integration 🚀", posts.Single(p => p.TweetId == "2072327843372257460").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void PageText_RestoresEmojiFromTheirImages_AndLinksFromTheirHiddenParts()
    {
        // x.com's markup: emoji as <img alt>, a link as t.co with its scheme and tail in hidden spans, then "…".
        const string html = """
            <article data-testid="tweet"><a href="/me/status/1888"><time datetime="2026-11-30T10:00:00.000Z">1h</time></a>
            <div data-testid="tweetText" lang="en"><span>Ship it </span><img alt="🚀" draggable="false" src="https://abs-0.twimg.com/emoji/v2/svg/1f680.svg"><span> &amp; read </span><a dir="ltr" href="https://t.co/AbCdEf1234" rel="noopener noreferrer nofollow" target="_blank" role="link"><span aria-hidden="true" class="r-qlhcfr">https://</span>example.com/growth/wee<span aria-hidden="true" class="r-qlhcfr">kly-notes</span><span aria-hidden="true" class="r-qlhcfr">…</span></a><br><span>with </span><a href="/someone" role="link">@someone</a></div>
            </article>
            """;

        var found = Assert.Single(SearchResultsParser.Parse(html));

        Assert.Equal("Ship it 🚀 & read https://example.com/growth/weekly-notes\nwith @someone", found.Text);
    }

    [Fact]
    public void PageText_ShortLinkShownWithoutItsHiddenParts_KeepsTheTcoLink() =>
        Assert.Equal(
            "see https://t.co/AbCdEf1234",
            Assert.Single(SearchResultsParser.Parse("""
                <article data-testid="tweet"><a href="/me/status/1889"><time datetime="2026-11-30T10:00:00.000Z">1h</time></a>
                <div data-testid="tweetText"><span>see </span><a href="https://t.co/AbCdEf1234">example.com/x…</a></div></article>
                """)).Text);
}
