using System.Net;
using System.Text.Json.Nodes;
using FollowerLoop.Sandbox.Web.GraphQl;
using FollowerLoop.Sandbox.Web.RichText;

namespace FollowerLoop.Sandbox.Tests;

/// <summary>The <c>emoji</c> fault: post text as x.com renders it (emoji images, t.co anchors) and stores it (t.co links, HTML-escaped).</summary>
public sealed class EmojiFaultTests
{
    private const string Text = "Ship it 😂 & read https://example.com/some/path/that/is/long now";

    [Fact]
    public async Task StatusPage_RendersEmojiAsImagesAndLinksAsTcoAnchorsWithHiddenParts()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var id = await sandbox.PostAsync(Text);

        var page = await sandbox.GetPageAsync($"/{sandbox.Handle}/status/{id}?sandbox_fault=emoji");

        var text = page.QuerySelector($"#id__t{id}[data-testid='tweetText']")!;
        var image = text.QuerySelector("img")!;
        Assert.Equal("😂", image.GetAttribute("alt"));
        Assert.Equal("/emoji/v2/svg/1f602.svg", image.GetAttribute("src"));
        Assert.Equal("Face with tears of joy", image.GetAttribute("title"));
        Assert.Equal("false", image.GetAttribute("draggable"));
        var link = text.QuerySelector("a")!;
        Assert.Equal(TcoLinks.ShortUrl("https://example.com/some/path/that/is/long"), link.GetAttribute("href"));
        Assert.Matches("^https://t.co/[0-9A-Za-z]{10}$", link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer nofollow", link.GetAttribute("rel"));
        Assert.Equal(["https://", "hat/is/long", "…"], link.QuerySelectorAll("span[aria-hidden='true']").Select(span => span.TextContent));
        Assert.Equal("https://example.com/some/path/that/is/long…", link.TextContent);
        Assert.Equal("Ship it  & read https://example.com/some/path/that/is/long… now", text.TextContent);
    }

    [Fact]
    public async Task ShortLink_IsShownWholeWithoutAnEllipsis_AndTheEmojiImageIsServed()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        await sandbox.PostAsync("Short one 👍 example.com/a");

        var home = await sandbox.GetPageAsync("/home?sandbox_fault=emoji");
        var profile = await sandbox.GetPageAsync($"/{sandbox.Handle}?sandbox_fault=emoji");
        var search = await sandbox.GetPageAsync("/search?q=short&f=live&sandbox_fault=emoji");
        using var image = await sandbox.Client.GetAsync("/emoji/v2/svg/1f44d.svg?sandbox_fault=error", TestContext.Current.CancellationToken);

        foreach (var page in new[] { home, profile, search })
        {
            var link = page.QuerySelector("[data-testid='tweetText'] a[href^='https://t.co/']")!;
            Assert.Equal("example.com/a", link.TextContent);
            Assert.Empty(link.QuerySelectorAll("span[aria-hidden='true']"));
            Assert.Equal("👍", page.QuerySelector("[data-testid='tweetText'] img")!.GetAttribute("alt"));
        }

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task TweetDetail_CarriesFullTextAsXcomStoresIt_WithUrlEntities()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var id = await sandbox.PostAsync(Text);
        await sandbox.QueueFaultAsync("emoji", "/i/api/graphql");

        using var stored = await sandbox.GraphQlAsync("TweetDetail", $$"""{"focalTweetId":"{{id}}"}""");
        using var plain = await sandbox.GraphQlAsync("TweetDetail", $$"""{"focalTweetId":"{{id}}"}""");

        var legacy = Focal(await SandboxHost.ReadJsonAsync(stored))["legacy"]!;
        var tco = TcoLinks.ShortUrl("https://example.com/some/path/that/is/long");
        var fullText = legacy["full_text"]!.GetValue<string>();
        Assert.Equal($"Ship it 😂 &amp; read {tco} now", fullText);
        var url = Assert.Single(legacy["entities"]!["urls"]!.AsArray())!;
        Assert.Equal(tco, url["url"]!.GetValue<string>());
        Assert.Equal("https://example.com/some/path/that/is/long", url["expanded_url"]!.GetValue<string>());
        Assert.Equal("example.com/some/path/t…", url["display_url"]!.GetValue<string>());
        int[] indices = [.. url["indices"]!.AsArray().Select(index => index!.GetValue<int>())];
        Assert.Equal([17, 40], indices);
        var codePoints = fullText.Replace("&amp;", "&", StringComparison.Ordinal).EnumerateRunes().ToArray();
        Assert.Equal(tco, string.Concat(codePoints[indices[0]..indices[1]].Select(rune => rune.ToString())));
        Assert.Equal(Text, Focal(await SandboxHost.ReadJsonAsync(plain))["legacy"]!["full_text"]!.GetValue<string>());
    }

    [Fact]
    public void StoredText_EscapesLikeXcomAndGivesTheSameTcoLinkAsThePage()
    {
        var stored = StoredText.Of("a < b > c && see x.com/y");

        Assert.Equal($"a &lt; b &gt; c &amp;&amp; see {TcoLinks.ShortUrl("http://x.com/y")}", stored.FullText);
        Assert.Equal("http://x.com/y", stored.Urls[0]!["expanded_url"]!.GetValue<string>());
        Assert.NotEqual(TcoLinks.ShortUrl("http://x.com/y"), TcoLinks.ShortUrl("http://x.com/z"));
        Assert.Contains(TcoLinks.ShortUrl("http://x.com/y"), RichTextMarkup.Render("see x.com/y"), StringComparison.Ordinal);
    }

    private static JsonNode Focal(JsonNode json) =>
        json["data"]!["threaded_conversation_with_injections_v2"]!["instructions"]![0]!["entries"]![0]!["content"]!["itemContent"]!["tweet_results"]!["result"]!;
}
