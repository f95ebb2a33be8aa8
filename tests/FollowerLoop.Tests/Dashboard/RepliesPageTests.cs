using System.Net;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FollowerLoop.Tests.Dashboard;

/// <summary>
/// /dashboard/replies in headless Chromium on the demo run's worker: drafts under the posts they answer, approve
/// (with an edit) and reject through the page's forms, and a POST without the page's antiforgery token refused.
/// </summary>
[Collection(DemoRunCollection.Name)]
public sealed class RepliesPageTests(DemoRunFixture run)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Drafts_AreApprovedWithAnEdit_OrRejected_ThroughThePagesForms()
    {
        var approve = await DraftAsync("reader_kim", "@fl_dash how do you plan a week?", "Thanks! Every Friday, ten minutes.");
        var reject = await DraftAsync("reader_lou", "@fl_dash thoughts on tabs vs spaces?", "Spaces, always.");
        await using var context = await run.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(run.BaseAddress, "/dashboard/replies").ToString());

        var first = page.Locator($"article.draft[data-draft='{approve.DecisionId}']");
        Assert.Contains("@reader_kim", await first.Locator(".summons").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("@fl_dash how do you plan a week?", await first.Locator("blockquote").InnerTextAsync());
        Assert.Equal("Thanks! Every Friday, ten minutes.", await first.Locator("textarea").InputValueAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoRunFixture.ScreenshotDirectory, "replies.png"), FullPage = true });

        await first.Locator("textarea").FillAsync("Thanks! Every Friday, for ten minutes, with a notebook.");
        await first.Locator("[data-action=approve]").ClickAsync();
        Assert.Contains("Approved", await page.Locator(".notice.done").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator($"article.draft[data-draft='{reject.DecisionId}'] [data-action=reject]").ClickAsync();
        Assert.Contains("Rejected", await page.Locator(".notice.done").InnerTextAsync(), StringComparison.Ordinal);

        var store = new ContentStore(run.DataSource);
        var approved = (await store.GetAsync(approve.DecisionId, Ct))!;
        Assert.Equal((ContentStatus.Queued, "Thanks! Every Friday, for ten minutes, with a notebook.", "manual"), (approved.Status, approved.Text, approved.Policy));
        Assert.Equal(ContentStatus.Rejected, (await store.GetAsync(reject.DecisionId, Ct))!.Status);
        Assert.Equal(0, await page.Locator($"article.draft[data-draft='{approve.DecisionId}'], article.draft[data-draft='{reject.DecisionId}']").CountAsync());
        Assert.Equal("queued", await page.Locator($"table.replies tr[data-reply='{approve.DecisionId}']").GetAttributeAsync("data-status"));
        Assert.Equal("rejected", await page.Locator($"table.replies tr[data-reply='{reject.DecisionId}']").GetAttributeAsync("data-status"));
    }

    [Fact]
    public async Task AnEditThatBreaksTheReplyRules_IsShownAsAProblem_AndTheDraftWaits()
    {
        var draft = await DraftAsync("reader_max", "@fl_dash any tools you like?", "A notebook.");
        await using var context = await run.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(run.BaseAddress, "/dashboard/replies").ToString());
        var article = page.Locator($"article.draft[data-draft='{draft.DecisionId}']");

        await article.Locator("textarea").FillAsync("Try https://tools.example and ask @someone_else");
        await article.Locator("[data-action=approve]").ClickAsync();

        Assert.Contains("no link", await page.Locator(".notice.problem").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(ContentStatus.Draft, (await new ContentStore(run.DataSource).GetAsync(draft.DecisionId, Ct))!.Status);
    }

    [Fact]
    public async Task APostWithoutThePagesAntiforgeryToken_IsRefused_AndChangesNothing()
    {
        var draft = await DraftAsync("reader_ned", "@fl_dash hi!", "Hi there!");
        using var http = new HttpClient { BaseAddress = run.BaseAddress };

        using var forged = await http.PostAsync($"/dashboard/replies/{draft.DecisionId}/approve", new FormUrlEncodedContent([new("text", "Hi there!")]), Ct);
        using var wrongToken = await http.PostAsync(
            $"/dashboard/replies/{draft.DecisionId}/reject", new FormUrlEncodedContent([new("__RequestVerificationToken", "not-a-token")]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("antiforgery", await forged.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrongToken.StatusCode);
        Assert.Equal(ContentStatus.Draft, (await new ContentStore(run.DataSource).GetAsync(draft.DecisionId, Ct))!.Status);
    }

    private async Task<ContentItem> DraftAsync(string author, string theirText, string reply)
    {
        var item = Samples.Content(reply) with
        {
            Account = DemoRunFixture.Handle,
            Kind = ContentKind.Reply,
            Status = ContentStatus.Draft,
            Format = null,
            Topic = null,
            ReplyToTweetId = $"{Random.Shared.NextInt64(1_000_000_000_000, 9_000_000_000_000)}",
            ReplyToHandle = author,
            ReplyToText = theirText,
            ReplyToKind = "mention",
            ContentHash = $"hash-{Guid.NewGuid():N}",
        };
        Assert.True(await new ContentStore(run.DataSource).EnqueueAsync(item, Ct));
        return item;
    }
}
