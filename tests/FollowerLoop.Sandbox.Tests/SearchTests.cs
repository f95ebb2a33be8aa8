namespace FollowerLoop.Sandbox.Tests;

public sealed class SearchTests
{
    [Fact]
    public async Task LatestSearch_ListsMatchingPostsOfEveryAccountNewestFirst_TheOwnAccountIncluded()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        sandbox.Clock.Advance(TimeSpan.FromHours(30));
        await sandbox.PostAsync("My own take on AI agents.");

        var page = await sandbox.GetPageAsync("/search?q=AI&src=typed_query&f=live");

        var articles = page.QuerySelectorAll("article[data-testid='tweet']");
        Assert.NotEmpty(articles);
        var times = articles.Select(a => DateTimeOffset.Parse(a.QuerySelector("time")!.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.All(times, time => Assert.True(time <= sandbox.World.Clock.GetUtcNow()));
        // x.com's search finds the account's own posts too (the Posting job looks interrupted posts up this way).
        Assert.Single(articles, a => a.QuerySelector("[data-testid='User-Name']")!.TextContent.Contains("@" + sandbox.Handle, StringComparison.Ordinal));
        Assert.Contains(articles, a => !a.QuerySelector("[data-testid='User-Name']")!.TextContent.Contains("@" + sandbox.Handle, StringComparison.Ordinal));
        Assert.All(articles, a => Assert.Contains("ai", FollowerLoop.Sandbox.Text.TextFeatureExtractor.Words(a.QuerySelector("[data-testid='tweetText']")!.TextContent)));
    }

    [Fact]
    public async Task SearchResult_OpensAsAPostPage_AndTakesAReply()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        sandbox.Clock.Advance(TimeSpan.FromHours(30));
        var found = sandbox.World.SearchRecent("startup OR founders OR bootstrapped", 5);
        Assert.NotEmpty(found);
        var target = found[0];

        var reply = await sandbox.PostAsync("Talking to users every week is underrated.", target.Id);

        var page = await sandbox.GetPageAsync($"/{target.Author.Handle}/status/{target.Id}");
        var articles = page.QuerySelectorAll("article[data-testid='tweet']");
        Assert.NotNull(articles[0].QuerySelector($"a[href='/{target.Author.Handle}/status/{target.Id}'] time"));
        Assert.NotNull(articles[^1].QuerySelector($"a[href='/{sandbox.Handle}/status/{reply}'] time"));
        Assert.True(sandbox.World.GetPosts()[0].IsReply);
    }

    [Fact]
    public async Task Search_WithoutMatches_ShowsAnEmptyState()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();

        var page = await sandbox.GetPageAsync("/search?q=zebra-crossing-xylophone&f=live");

        Assert.Empty(page.QuerySelectorAll("article[data-testid='tweet']"));
        Assert.NotNull(page.QuerySelector("[data-testid='emptyState']"));
    }
}
