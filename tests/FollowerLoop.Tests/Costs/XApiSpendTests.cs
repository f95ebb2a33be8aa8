using System.Text.RegularExpressions;
using FollowerLoop.Scheduling;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Worker.Commands;
using FollowerLoop.Worker.Dashboard.Growth;
using FollowerLoop.X.Usage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FollowerLoop.Tests.Costs;

/// <summary>The recorded X API spend in the report and on the growth page, with the month's forecast at the default settings.</summary>
public sealed class XApiSpendTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Report_PrintsSpendPerDayAndJob_AndAMonthsForecastBesideTheObservedRate()
    {
        const string account = "spend_report";
        await SeedAsync(account);
        using var host = Host(account);
        var output = new StringWriter();

        Assert.Equal(ExitCodes.Ok, await ReportCommand.RunAsync(host.Services, TimeSpan.FromDays(7), output, Ct));

        var report = output.ToString();
        Assert.Contains("X API requests and spend (UTC days 2026-11-23 to 2026-11-30; USD at XApi:Prices of 2026-04-20)", report, StringComparison.Ordinal);
        Assert.Matches(@"2026-11-28\s+reply\s+1\s+10\s+0\.0500", report);
        Assert.Matches(@"2026-11-30\s+checkpoint\s+2\s+6\s+0\.0060", report);
        Assert.Matches(@"2026-11-30\s+posting\s+1\s+1\s+0\.0150", report);
        Assert.Matches(@"total\s+4\s+17\s+0\.0710", report);
        // Defaults: 8 posts + 5 thread parts + 20 replies a day; analytics reads the 66 posts under 48h 48 times a day.
        Assert.Matches(@"analytics\s+3,168\.0\s+95\.04\s+0\.00", report);
        Assert.Matches(@"posting\s+33\.0\s+14\.85\s+0\.06", report);
        Assert.Matches(@"checkpoint\s+396\.0\s+11\.88\s+0\.03", report);
        // Reply reads the mentions each hour; each summoning post it answers is read once, at the post price.
        Assert.Matches(@"reply\s+24\.0\s+3\.00\s+0\.21", report);
        Assert.Matches(@"data-collection\s+24\.0\s+0\.72\s+0\.00", report);
        // Followers: 20 followers a pass each hour, and a full pass at its 5 USD cap each week (an upper bound).
        Assert.Matches(@"followers\s+24\.0\s+35\.83\s+0\.00", report);
        Assert.Matches(@"total\s+161\.32\s+0\.30", report);
        Assert.Contains("assumptions: 8 posts (Plan:PostsPerDay within Posting:DailyPostCap) + 5 viral-thread parts + 20 replies", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrowthPage_ShowsTheSpendTable_PerJobWithTheForecast()
    {
        const string account = "spend_page";
        await SeedAsync(account);
        using var host = Host(account);
        var view = await ActivatorUtilities.CreateInstance<GrowthQuery>(host.Services).LoadAsync(GrowthRange.Default, Ct);

        var html = await DashboardPages.RenderAsync<GrowthPage>(host, view);

        Assert.Contains("data-section=\"x-api-spend\"", html, StringComparison.Ordinal);
        Assert.Matches(@"<tr data-job=""checkpoint""><td>checkpoint</td><td class=""num"">2</td><td class=""num"">6</td><td class=""num"">\$0\.0060</td><td class=""num"">\$11\.88</td><td class=""num"">\$0\.03</td></tr>", html);
        Assert.Matches(@"<tr data-job=""analytics""><td>analytics</td><td class=""num"">0</td><td class=""num"">0</td><td class=""num"">\$0\.0000</td><td class=""num"">\$95\.04</td>", html);
        Assert.Matches(@"<tr data-job=""total"">.*\$161\.32", html);
        Assert.Equal(7, Regex.Count(html, "<tr data-job="));
    }

    // The spend already recorded is keyed by these names: a renamed job would split its history in two.
    [Fact]
    public void TimerJobs_AreChargedUnderTheJobTablesNames() =>
        Assert.Equal(
            ["plan", "reply", "posting", "tracking-reconciler", "analytics", "data-collection", "attribution", "outcomes", "learn", "strategy", "viral-thread", "followers"],
            TimerJobs.All(new JobSchedules()).Select(j => j.UsageName));

    [Fact]
    public async Task UsageScope_FlowsIntoTheJobsCalls_AndIsRestoredAfterwards()
    {
        Assert.Equal(XUsageScope.Other, XUsageScope.Current);
        string inner;
        using (XUsageScope.Begin("reply"))
        {
            inner = await Task.Run(async () =>
            {
                await Task.Yield();
                return XUsageScope.Current;
            }, Ct);
        }

        Assert.Equal("reply", inner);
        Assert.Equal(XUsageScope.Other, XUsageScope.Current);
    }

    private async Task SeedAsync(string account)
    {
        var store = new XApiUsageStore(db.DataSource);
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        await store.RecordAsync(new XApiUsageRecord(account, today, "checkpoint", "GET /2/tweets", XApiPriceCategory.OwnDataRead, 3, 0.003m), Ct);
        await store.RecordAsync(new XApiUsageRecord(account, today, "checkpoint", "GET /2/tweets", XApiPriceCategory.OwnDataRead, 3, 0.003m), Ct);
        await store.RecordAsync(new XApiUsageRecord(account, today, "posting", "POST /2/tweets", XApiPriceCategory.PostCreate, 1, 0.015m), Ct);
        await store.RecordAsync(new XApiUsageRecord(account, today.AddDays(-2), "reply", "GET /2/tweets/search/recent", XApiPriceCategory.PostRead, 10, 0.05m), Ct);
        await store.RecordAsync(new XApiUsageRecord(account, today.AddDays(-30), "reply", "GET /2/tweets/search/recent", XApiPriceCategory.PostRead, 10, 0.05m), Ct);
    }

    private IHost Host(string account) => DashboardPages.Host(db, account, Now);
}
