using System.Net;
using AngleSharp.Dom;
using FollowerLoop.Sandbox.Web.Html;

namespace FollowerLoop.Sandbox.Tests;

public sealed class StatusPageTests
{
    [Fact]
    public async Task FreshPost_HasAnEmptyGroupLabelAndNoVisibleCounts()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var id = await sandbox.PostAsync("Fresh out of the oven.");

        var focal = Focal(await sandbox.GetPageAsync($"/{sandbox.Handle}/status/{id}"), sandbox.Handle, id);

        Assert.Equal(string.Empty, focal.QuerySelector("[role='group']")!.GetAttribute("aria-label"));
        Assert.Equal("0 Replies. Reply", focal.QuerySelector("[data-testid='reply']")!.GetAttribute("aria-label"));
        Assert.Equal("0 reposts. Repost", focal.QuerySelector("[data-testid='retweet']")!.GetAttribute("aria-label"));
        Assert.Equal("0 Likes. Like", focal.QuerySelector("[data-testid='like']")!.GetAttribute("aria-label"));
        Assert.Equal("View post analytics", focal.QuerySelector($"a[href='/{sandbox.Handle}/status/{id}/analytics']")!.GetAttribute("aria-label"));
        Assert.Equal(string.Empty, focal.QuerySelector("[data-testid='like']")!.TextContent.Trim());
    }

    [Fact]
    public async Task AgedPost_ShowsExactCountsInLabelsAndCompactCountsOnButtons()
    {
        await using var sandbox = await SandboxHost.StartAsync(options => options.AudienceSeed = 7);
        await sandbox.LogInAsync();
        var id = await sandbox.PostAsync("7 lessons from shipping 100 side projects:\n1. Ship ugly\n2. Talk to users\n3. Charge early");
        sandbox.Clock.Advance(TimeSpan.FromHours(30));
        var counts = sandbox.World.GetMetrics(id);

        var focal = Focal(await sandbox.GetPageAsync($"/{sandbox.Handle}/status/{id}"), sandbox.Handle, id);

        Assert.True(counts.Views > 1000, $"expected a thousand views or more, got {counts.Views}");
        Assert.Equal(CountLabels.English.Group(counts), focal.QuerySelector("[role='group']")!.GetAttribute("aria-label"));
        Assert.Contains($"{counts.Views} views", focal.QuerySelector("[role='group']")!.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal($"{counts.Likes} Likes. Like", focal.QuerySelector("[data-testid='like']")!.GetAttribute("aria-label"));
        var views = focal.QuerySelector($"a[href='/{sandbox.Handle}/status/{id}/analytics']")!;
        Assert.Equal($"{counts.Views} views. View post analytics", views.GetAttribute("aria-label"));
        Assert.Equal(XComCompactNumber.ActionBar(counts.Views), views.TextContent.Trim());
        Assert.EndsWith("K", views.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(XComCompactNumber.ActionBar(counts.Likes), focal.QuerySelector("[data-testid='like']")!.TextContent.Trim());
    }

    [Fact]
    public async Task OwnPost_ListsAudienceRepliesBelowTheFocalArticle()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var id = await sandbox.PostAsync("What is the one habit that changed your career?");
        sandbox.Clock.Advance(TimeSpan.FromHours(48));
        var replies = sandbox.World.GetMetrics(id).Replies;

        var page = await sandbox.GetPageAsync($"/{sandbox.Handle}/status/{id}");

        Assert.True(replies > 0, "the question should draw replies");
        var articles = page.QuerySelectorAll("article[data-testid='tweet']");
        Assert.Equal(1 + Math.Min(replies, 5), articles.Length);
        Assert.Equal("-1", articles[0].GetAttribute("tabindex"));
        Assert.All(articles.Skip(1), reply => Assert.Null(reply.QuerySelector($"a[href='/{sandbox.Handle}/status/{id}'] time")));
    }

    [Fact]
    public async Task UnknownPost_ShowsXcomsMissingPageWith200LikeXcom()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();

        using var response = await sandbox.Client.GetAsync($"/{sandbox.Handle}/status/42", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("this page doesn’t exist", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TweetDetail_CarriesExactCounts()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var id = await sandbox.PostAsync("Readme first, code second.");
        sandbox.Clock.Advance(TimeSpan.FromHours(12));
        var counts = sandbox.World.GetMetrics(id);

        using var response = await sandbox.Client.GetAsync(
            $"/i/api/graphql/any/TweetDetail?variables={Uri.EscapeDataString($$"""{"focalTweetId":"{{id}}"}""")}",
            TestContext.Current.CancellationToken);
        var result = (await SandboxHost.ReadJsonAsync(response))["data"]!["threaded_conversation_with_injections_v2"]!["instructions"]![0]!["entries"]![0]!["content"]!["itemContent"]!["tweet_results"]!["result"]!;

        Assert.Equal(id, result["rest_id"]!.GetValue<string>());
        Assert.Equal(counts.Likes, result["legacy"]!["favorite_count"]!.GetValue<long>());
        Assert.Equal(counts.Views.ToString(System.Globalization.CultureInfo.InvariantCulture), result["views"]!["count"]!.GetValue<string>());
    }

    private static IElement Focal(IDocument page, string handle, string id) =>
        Assert.Single(page.QuerySelectorAll("article[data-testid='tweet']"), article => article.QuerySelector($"a[href='/{handle}/status/{id}'] time") is not null);
}
