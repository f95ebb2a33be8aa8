using System.Net;
using AngleSharp.Dom;

namespace FollowerLoop.Sandbox.Tests;

/// <summary>The profile's Posts tab as main.js pages it: the first page rendered, the next ones' cells from the sandbox-internal endpoint.</summary>
public sealed class ProfileCellsTests
{
    [Fact]
    public async Task ProfilePage_RendersTheFirstTwentyPosts_AndItsConfigHasWhatUserTweetsNeeds()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var posts = UserTweetsCalls.Publish(sandbox, 25);

        var page = await sandbox.GetPageAsync($"/{sandbox.Handle}");

        Assert.Equal(UserTweetsCalls.NewestFirst(posts).Take(20), ArticleIds(page));
        var config = SandboxHost.PageConfig(page);
        Assert.Equal("profile", config["page"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(config["queryIds"]!["userTweets"]?.GetValue<string>()));
        Assert.Equal(await UserTweetsCalls.RestIdAsync(sandbox, sandbox.Handle), config["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cells_WithoutACursor_AreTheArticlesThePageRenders()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        UserTweetsCalls.Publish(sandbox, 25);
        sandbox.Clock.Advance(TimeSpan.FromHours(3));

        var page = await sandbox.GetPageAsync($"/{sandbox.Handle}");
        var cells = await CellsAsync(sandbox, sandbox.Handle, string.Empty);

        var rendered = page.QuerySelectorAll("[aria-label^='Timeline: '] [data-testid='cellInnerDiv']").Select(cell => cell.OuterHtml).ToList();
        Assert.Equal(20, rendered.Count);
        Assert.Equal(rendered, cells.QuerySelectorAll("[data-testid='cellInnerDiv']").Select(cell => cell.OuterHtml));
    }

    [Fact]
    public async Task Cells_ForABottomCursor_ArePostsUserTweetsGivesForIt_InTheRequestsStyle()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var posts = UserTweetsCalls.Publish(sandbox, 45);
        sandbox.Clock.Advance(TimeSpan.FromHours(12));
        var userId = await UserTweetsCalls.RestIdAsync(sandbox, sandbox.Handle);
        var (_, first, _) = await UserTweetsCalls.GetAsync(sandbox, userId, count: 20);
        var cursor = UserTweetsCalls.Cursor(first, "Bottom");
        var (_, second, _) = await UserTweetsCalls.GetAsync(sandbox, userId, count: 20, cursor: cursor);

        var cells = await CellsAsync(sandbox, sandbox.Handle, $"?cursor={Uri.EscapeDataString(cursor)}&count=20&sandbox_fault=spanish");

        Assert.Equal(UserTweetsCalls.NewestFirst(posts).Skip(20).Take(20), ArticleIds(cells));
        Assert.Equal(UserTweetsCalls.TweetIds(second), ArticleIds(cells));
        Assert.All(cells.QuerySelectorAll("[role='group']"), group => Assert.Contains("visualizaciones", group.GetAttribute("aria-label"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cells_PastTheEnd_AreEmpty()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        UserTweetsCalls.Publish(sandbox, 3);
        var (_, first, _) = await UserTweetsCalls.GetAsync(sandbox, await UserTweetsCalls.RestIdAsync(sandbox, sandbox.Handle));

        var cells = await CellsAsync(sandbox, sandbox.Handle, $"?cursor={Uri.EscapeDataString(UserTweetsCalls.Cursor(first, "Bottom"))}");

        Assert.Empty(cells.QuerySelectorAll("article"));
    }

    [Fact]
    public async Task Cells_WithoutASession_RedirectToTheLogin()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        using var response = await sandbox.Client.GetAsync($"/i/sandbox/profile/{sandbox.Handle}/cells", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/i/flow/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cells_ForAnUnknownAccount_AnswerNotFound()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();

        using var response = await sandbox.Client.GetAsync("/i/sandbox/profile/nobody_here/cells", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<IDocument> CellsAsync(SandboxHost sandbox, string handle, string query)
    {
        using var response = await sandbox.Client.GetAsync($"/i/sandbox/profile/{handle}/cells{query}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SandboxHost.ParseAsync(response);
    }

    // The post ids of the articles, in order, from their permalinks (/{handle}/status/{id}).
    private static List<string> ArticleIds(IDocument document) =>
        [.. document.QuerySelectorAll("article[data-testid='tweet'] a[href*='/status/'] time").Select(time => time.ParentElement!.GetAttribute("href")!.Split('/')[^1])];
}
