using System.Net;
using AngleSharp.Dom;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Tests;

public sealed class MentionsPageTests
{
    [Fact]
    public async Task WithoutASession_RedirectsToLogin()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        using var response = await sandbox.Client.GetAsync("/notifications/mentions", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/i/flow/login?redirect_after_login=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingYet_ShowsTheEmptyState()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        Assert.Empty(sandbox.World.GetSummons(sandbox.Clock.GetUtcNow()));

        var page = await sandbox.GetPageAsync("/notifications/mentions");

        Assert.Empty(page.QuerySelectorAll("article[data-testid='tweet']"));
        Assert.NotNull(page.QuerySelector("[data-testid='emptyState']"));
    }

    [Fact]
    public async Task PlantedPosts_AppearNewestFirstWithReplyLineAndQuoteBlock()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var own = await sandbox.PostAsync("Ship small, ship often.");
        sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
        var reply = sandbox.World.Summon(SummonKind.Reply, "planted_pat", "Agreed, small batches win.", own);
        sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
        var quote = sandbox.World.Summon(SummonKind.Quote, "maya_builds", "Worth reading.", own);
        sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
        var mention = sandbox.World.Summon(SummonKind.Mention, "ken_makes", "any tips on shipping?");

        var page = await sandbox.GetPageAsync("/notifications/mentions");
        var articles = page.QuerySelectorAll("article[data-testid='tweet']");

        Assert.Equal([mention.Id, quote.Id, reply.Id], articles.Select(article => PermalinkId(article)));
        var times = articles.Select(article => DateTimeOffset.Parse(article.QuerySelector("a[href*='/status/'] time")!.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderByDescending(time => time), times);

        var replyCell = articles[2];
        var replyLine = replyCell.QuerySelectorAll("div[dir='ltr']").Single(div => div.TextContent.StartsWith("Replying to", StringComparison.Ordinal));
        var link = replyLine.QuerySelector($"div > a[href='/{sandbox.Handle}'][role='link']")!;
        Assert.Equal($"@{sandbox.Handle}", link.TextContent);
        Assert.True(replyLine.CompareDocumentPosition(replyCell.QuerySelector("[data-testid='tweetText']")!).HasFlag(DocumentPositions.Following));
        Assert.Equal(reply.Text, replyCell.QuerySelector("[data-testid='tweetText']")!.TextContent);

        var quoteCell = articles[1];
        Assert.Contains(quoteCell.QuerySelectorAll("span"), span => span.TextContent == "Quote");
        var quoted = quoteCell.QuerySelector("div[role='link'][tabindex='0']")!;
        Assert.Contains($"@{sandbox.Handle}", quoted.QuerySelector("[data-testid='User-Name']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ship small, ship often.", quoted.QuerySelector("[data-testid='tweetText']")!.TextContent);
        Assert.Null(quoted.QuerySelector("a[href*='/status/']"));
        Assert.Equal("Worth reading.", quoteCell.QuerySelectorAll("[data-testid='tweetText']")[0].TextContent);

        Assert.Null(articles[0].QuerySelector("div[role='link'][tabindex='0']"));
        Assert.DoesNotContain("Replying to", articles[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManySummons_ShowOnlyTheMostRecentForty()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        sandbox.Clock.Advance(TimeSpan.FromDays(30));
        var newest = sandbox.World.GetSummons(sandbox.Clock.GetUtcNow());

        var page = await sandbox.GetPageAsync("/notifications/mentions");

        Assert.True(newest.Count > 40);
        Assert.Equal(newest.Take(40).Select(post => post.Id), page.QuerySelectorAll("article[data-testid='tweet']").Select(article => PermalinkId(article)));
    }

    [Fact]
    public async Task OwnReplyToAFanReply_ShowsTheFanReplyAsItsParent()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var own = await sandbox.PostAsync("What is the one habit that changed your career?");
        sandbox.Clock.Advance(TimeSpan.FromHours(48));
        var fanReply = sandbox.World.GetFanReplies(sandbox.World.FindPost(own)!, sandbox.Clock.GetUtcNow(), 1)[0];

        var answer = await sandbox.PostAsync("Thanks, glad it helped!", fanReply.Id);
        var page = await sandbox.GetPageAsync($"/{sandbox.Handle}/status/{answer}");

        var parent = page.QuerySelectorAll("article[data-testid='tweet']")[0];
        Assert.NotNull(parent.QuerySelector($"a[href='/{fanReply.Handle}/status/{fanReply.Id}'] time"));
        Assert.Equal(fanReply.Text, parent.QuerySelector("[data-testid='tweetText']")!.TextContent);
    }

    // The cell's own permalink: the anchor holding a <time> (the quoted post has none).
    private static string PermalinkId(IElement article) =>
        article.QuerySelector("a[href*='/status/'] time")!.ParentElement!.GetAttribute("href")!.Split('/')[^1];
}
