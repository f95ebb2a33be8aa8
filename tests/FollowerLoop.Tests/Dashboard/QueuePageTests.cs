using System.Globalization;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Worker.Dashboard.Shared;
using Microsoft.Playwright;

namespace FollowerLoop.Tests.Dashboard;

/// <summary>
/// /dashboard/queue at 1280×800 over queued items written as Plan, Reply and Viral thread write them: every waiting item
/// with its time, prediction, policy and slot as the database holds them; edits (one refused by the guards, one by the reply
/// rules) and a cancel through the page's forms.
/// </summary>
public sealed class QueuePageTests(DashboardBrowser dashboard) : IClassFixture<DashboardBrowser>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Expected(Guid DecisionId, string Status, double? PredictedGain, string? Policy, int LocalHour, bool AtStrategyHour);

    [Fact]
    public async Task Queue_ShowsWhatWaits_WhenAndWhy_AndAnItemIsEditedAndAThreadCancelledThroughTheForms()
    {
        var items = await SeedAsync();
        var expected = await dashboard.QueryAsync<Expected>(
            """
            select c.decision_id as DecisionId, c.status as Status, c.predicted_gain as PredictedGain, c.policy as Policy,
                   extract(hour from c.scheduled_for at time zone @zone)::int as LocalHour,
                   coalesce((select s.best_hours @> to_jsonb(extract(hour from c.scheduled_for at time zone @zone)::int)
                             from strategy s where s.account = c.account order by s.created_at desc limit 1), false) as AtStrategyHour
            from content_metadata c
            where c.account = @account and c.status in ('queued', 'posting')
            order by c.scheduled_for, c.thread_position nulls first
            """,
            new { account = DashboardBrowser.Account, zone = DashboardBrowser.TimeZone });
        Assert.Equal(8, expected.Count);
        Assert.Contains(expected, e => e.AtStrategyHour);
        Assert.Contains(expected, e => !e.AtStrategyHour);

        var page = await dashboard.OpenAsync("/dashboard/queue", "queue-1280");

        await DashboardBrowser.AssertFitsAsync(page, "[data-stat=waiting]", "[data-stat=next]", "[data-stat=hours]",
            "table.queue td[data-value=predicted]", "table.queue td[data-value=slot]", "table.queue [data-action=cancel]");
        Assert.Equal(expected.Count.ToString(CultureInfo.InvariantCulture), await page.Locator("[data-stat=waiting]").InnerTextAsync());
        Assert.Equal(expected.Select(e => e.DecisionId.ToString()), await page.Locator("table.queue tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.item)"));
        foreach (var item in expected)
        {
            var row = page.Locator($"tr[data-item='{item.DecisionId}']");
            Assert.Equal(Display.Signed(item.PredictedGain, "+#,0.0;-#,0.0;0"), await row.Locator("[data-value=predicted]").InnerTextAsync());
            Assert.StartsWith(item.Policy ?? "—", await row.Locator("[data-value=policy]").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(
                $"{item.LocalHour:00}h local\n{(item.AtStrategyHour ? "a strategy hour" : "not a strategy hour")}",
                await row.Locator("[data-value=slot]").InnerTextAsync());
            Assert.Equal(item.Status == ContentStatus.Queued ? 1 : 0, await row.Locator("[data-action=cancel]").CountAsync());
        }

        // Edit: the summary opens the form; the new text is checked and saved, Plan's prediction for the old one dropped.
        var explore = page.Locator($"tr[data-item='{items.Explore}']");
        await explore.Locator("summary").ClickAsync();
        await explore.Locator("textarea").FillAsync("Three habits that made my mornings calm, in one short list.");
        await explore.Locator("[data-action=edit]").ClickAsync();
        Assert.Contains("Saved", await page.Locator(".notice.done").InnerTextAsync(), StringComparison.Ordinal);
        var edited = (await new ContentStore(dashboard.Database.DataSource).GetAsync(items.Explore, Ct))!;
        Assert.Equal(("Three habits that made my mornings calm, in one short list.", "manual", (double?)null), (edited.Text, edited.Policy, edited.PredictedGain));

        // An edit the guards refuse (over X's length) is shown as a problem and changes nothing.
        var exploit = page.Locator($"tr[data-item='{items.Exploit}']");
        await exploit.Locator("summary").ClickAsync();
        await exploit.Locator("textarea").FillAsync(new string('a', 300));
        await exploit.Locator("[data-action=edit]").ClickAsync();
        Assert.StartsWith("Not changed:", await page.Locator(".notice.problem").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("exploit", (await new ContentStore(dashboard.Database.DataSource).GetAsync(items.Exploit, Ct))!.Policy);

        // A queued reply keeps to the reply rules: no link.
        var reply = page.Locator($"tr[data-item='{items.Reply}']");
        await reply.Locator("summary").ClickAsync();
        await reply.Locator("textarea").FillAsync("Thanks! The longer version is at https://notes.example/plan");
        await reply.Locator("[data-action=edit]").ClickAsync();
        Assert.Contains("no link", await page.Locator(".notice.problem").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Thanks, glad it helped!", (await new ContentStore(dashboard.Database.DataSource).GetAsync(items.Reply, Ct))!.Text);

        // Cancelling a thread's second part takes the third (which answers it) too; the first stays.
        await page.Locator($"tr[data-item='{items.Thread[1]}'] [data-action=cancel]").ClickAsync();
        Assert.Contains("Cancelled", await page.Locator(".notice.done").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(
            ["queued", "cancelled", "cancelled"],
            await dashboard.QueryAsync<string>("select status from content_metadata where thread_id = @thread order by thread_position", new { thread = items.ThreadId }));
        Assert.Equal(0, await page.Locator($"tr[data-item='{items.Thread[1]}'], tr[data-item='{items.Thread[2]}']").CountAsync());
        await DashboardBrowser.ScreenshotAsync(page, "queue-after-edits");
    }

    private sealed record Seeded(Guid Exploit, Guid Explore, Guid Reply, Guid ThreadId, Guid[] Thread);

    /// <summary>Eight waiting items (and two that do not wait) around the next hours, and a strategy whose hours hold some of them.</summary>
    private async Task<Seeded> SeedAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(2);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById(DashboardBrowser.TimeZone);
        var strategyHours = new[] { TimeZoneInfo.ConvertTime(hour, berlin).Hour, TimeZoneInfo.ConvertTime(hour.AddHours(6), berlin).Hour };
        await dashboard.ExecuteAsync(
            "insert into strategy (account, content_mix, best_hours, notes, created_at) values (@account, '{\"list\": 0.6, \"story\": 0.4}', @hours::jsonb, 'test', @at)",
            new { account = DashboardBrowser.Account, hours = $"[{strategyHours[0]}, {strategyHours[1]}]", at = now.AddHours(-1) });

        var store = new ContentStore(dashboard.Database.DataSource);
        var thread = Guid.NewGuid();
        ContentItem Item(string text, DateTimeOffset at) => Samples.Content(text, at) with { Account = DashboardBrowser.Account, ContentHash = $"hash-{Guid.NewGuid():N}" };
        var exploit = Item("How I plan a week in ten minutes: a list.", hour) with { Policy = "exploit", PredictedGain = 4.25 };
        var explore = Item("A story about the worst deadline I ever had.", hour.AddHours(3)) with { Policy = "explore", PredictedGain = 1.5 };
        var random = Item("Ask me anything about note-taking.", hour.AddHours(6)) with { Policy = "explore" };
        var retry = Item("The one tool I would keep.", hour.AddHours(1)) with { Policy = "explore", Attempts = 1, LastError = "X answered HTTP 503" };
        var reply = Item("Thanks, glad it helped!", now.AddMinutes(-2)) with
        {
            Kind = ContentKind.Reply, Format = null, Topic = null, Policy = "explore", ReplyToTweetId = "1234567890", ReplyToHandle = "reader", ReplyToKind = "mention",
        };
        var parts = Enumerable.Range(1, 3).Select(i => Item($"Thread part {i}: what I learned shipping weekly.", hour.AddHours(9)) with
        {
            Kind = ContentKind.ThreadPart, Format = "thread", ThreadId = thread, ThreadPosition = i, Policy = "explore",
        }).ToList();
        var gone = new[]
        {
            Item("Already out.", now.AddHours(-3)) with { Status = ContentStatus.Posted },
            Item("Not wanted.", hour.AddHours(2)) with { Status = ContentStatus.Cancelled },
        };
        foreach (var item in new[] { exploit, explore, random, retry, reply }.Concat(parts).Concat(gone))
        {
            Assert.True(await store.EnqueueAsync(item, Ct));
        }

        // Being posted right now: shown, not editable.
        await dashboard.ExecuteAsync("update content_metadata set status = 'posting' where decision_id = @id", new { id = retry.DecisionId });
        return new Seeded(exploit.DecisionId, explore.DecisionId, reply.DecisionId, thread, [.. parts.Select(p => p.DecisionId)]);
    }
}
