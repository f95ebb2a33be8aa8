using System.Globalization;
using System.Text.Json;
using FollowerLoop.Worker.Dashboard.Shared;

namespace FollowerLoop.Tests.Dashboard;

/// <summary>
/// /dashboard/strategy at 1280×800 over strategies written as the Strategy job writes them: the one in force (its hours,
/// its mix, when and from which model) and those before it, as the database holds them.
/// </summary>
public sealed class StrategyPageTests(DashboardBrowser dashboard) : IClassFixture<DashboardBrowser>
{
    private sealed record Latest(string BestHours, string ContentMix, DateTimeOffset CreatedAt, string? Notes, int? Version);

    [Fact]
    public async Task Strategy_ShowsTheHoursAndMixInForce_WhenAndFromWhatTheyWereComputed_AndTheOnesBefore()
    {
        var empty = await dashboard.OpenAsync("/dashboard/strategy", "strategy-empty");
        Assert.Contains("No strategy yet", await empty.Locator("[data-empty=strategy]").InnerTextAsync(), StringComparison.Ordinal);
        await SeedAsync();
        var latest = (await dashboard.QueryAsync<Latest>(
            """
            select s.best_hours::text as BestHours, s.content_mix::text as ContentMix, s.created_at as CreatedAt, s.notes as Notes, m.version as Version
            from strategy s left join ml_models m on m.id = s.model_id
            where s.account = @account order by s.created_at desc limit 1
            """,
            new { account = DashboardBrowser.Account }))[0];
        var hours = JsonSerializer.Deserialize<int[]>(latest.BestHours)!;
        var mix = JsonSerializer.Deserialize<Dictionary<string, double>>(latest.ContentMix)!;
        var computed = await dashboard.ScalarAsync<int>("select count(*)::int from strategy where account = @account", new { account = DashboardBrowser.Account });

        var page = await dashboard.OpenAsync("/dashboard/strategy", "strategy-1280");

        await DashboardBrowser.AssertFitsAsync(page, "[data-stat=computed]", "[data-stat=source]", "ol.hours li", "table.mix td[data-value=share]", "table.strategies tbody tr");
        Assert.Equal(Display.Time(latest.CreatedAt), await page.Locator("[data-stat=computed]").InnerTextAsync());
        Assert.Equal($"gain model v{latest.Version}", await page.Locator("[data-stat=source]").InnerTextAsync());
        Assert.Equal(latest.Notes, await page.Locator("[data-stat=notes]").InnerTextAsync());
        Assert.Equal(hours.Select(h => h.ToString("00", CultureInfo.InvariantCulture)), await page.Locator("ol.hours li.chosen").AllInnerTextsAsync());
        Assert.Equal(24, await page.Locator("ol.hours li").CountAsync());
        Assert.Equal(mix.Count, await page.Locator("table.mix tbody tr").CountAsync());
        foreach (var (format, share) in mix)
        {
            Assert.Equal(Display.Percent(share), await page.Locator($"table.mix tr[data-format='{format}'] [data-value=share]").InnerTextAsync());
        }

        Assert.Equal(computed, await page.Locator("table.strategies tbody tr").CountAsync());
    }

    /// <summary>A strategy from the patterns (before a model), then one from gain model v3.</summary>
    private async Task SeedAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var model = await dashboard.ScalarAsync<long>(
            """
            insert into ml_models (account, kind, version, model, trainer, training_rows, metrics, is_active, trained_at, activated_at)
            values (@account, 'gain', 3, '\x00', 'poisson-ensemble', 42, '{}', true, @trained, @trained) returning id
            """,
            new { account = DashboardBrowser.Account, trained = now.AddHours(-8) });
        await dashboard.ExecuteAsync(
            """
            insert into strategy (account, content_mix, best_hours, model_id, notes, created_at) values
                (@account, '{"list": 0.25, "story": 0.25, "question": 0.25, "how_to": 0.25}', '[1, 4, 7, 10, 13, 16, 19, 22]', null,
                 'from 12 learned patterns (no gain model yet)', @before),
                (@account, '{"list": 0.412, "story": 0.188, "question": 0.25, "how_to": 0.15}', '[7, 9, 12, 15, 18, 21]', @model,
                 'gain model v3 over 42 recent posts', @latest)
            """,
            new { account = DashboardBrowser.Account, model, before = now.AddHours(-12), latest = now.AddHours(-2) });
    }
}
