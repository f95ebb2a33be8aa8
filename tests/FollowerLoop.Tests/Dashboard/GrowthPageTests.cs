using System.Globalization;
using FollowerLoop.Worker.Dashboard.Shared;

namespace FollowerLoop.Tests.Dashboard;

/// <summary>
/// /dashboard at 1280×800: the headline is the follower change over the range, read from the database; attribution is
/// counted once per post by its best method (the naive sum only beside it, captioned); the per-post chart is labelled
/// with each post's date and words; the best posts are listed with what they were.
/// </summary>
public sealed class GrowthPageTests(DashboardBrowser dashboard) : IClassFixture<DashboardBrowser>
{
    private sealed record Best(string PostId, DateTimeOffset PostedAt, string Text, double Gain);

    private const string Readings =
        """
        select taken_at as at, followers from account_snapshots where account = @account and followers is not null
        union all
        select f.checked_at, f.followers from post_follower_tracking f join posted_decisions p on p.tweet_id = f.post_id
        where p.account = @account and f.status = 'measured' and f.followers is not null
        """;

    [Fact]
    public async Task Growth_HeadlinesTheFollowerChange_CountsEachPostOnceByItsBestMethod_AndLabelsEveryPost()
    {
        var now = DateTimeOffset.UtcNow;
        await DashboardSeed.PostsAsync(dashboard, now,
        [
            new("How I plan a week in ten minutes", "list", "productivity", TimeSpan.FromHours(60), 1010, 80, 4000, Naive: 40, Overlap: 10, Share: 12),
            new("The worst deadline I ever had, and what it taught me", "story", "work", TimeSpan.FromHours(50), 1040, 60, 3000, Naive: 35, Share: 9, Reported: 11),
            new("What is the one tool you would keep?", "question", "tools", TimeSpan.FromHours(40), 1070, 30, 1500, Naive: 20, Overlap: 6),
            new("A post still in its first hours", "list", "tools", TimeSpan.FromHours(3), 1200, 5, 200),
        ]);
        // An old snapshot, outside the 7-day range: part of "all time" only.
        await dashboard.ExecuteAsync("insert into account_snapshots (account, taken_at, followers) values (@account, @at, 900)", new { account = DashboardBrowser.Account, at = now.AddDays(-10) });

        foreach (var (range, since) in new[] { ("all", (DateTimeOffset?)null), ("7d", now.AddDays(-7).AddMinutes(1)) })
        {
            var change = await dashboard.ScalarAsync<long>(
                $"""
                with r as ({Readings})
                select (select followers from r where @since::timestamptz is null or at >= @since order by at desc limit 1)
                     - (select followers from r where @since::timestamptz is null or at >= @since order by at limit 1)
                """,
                new { account = DashboardBrowser.Account, since });
            var page = await dashboard.OpenAsync($"/dashboard?range={range}", $"growth-{range}-1280");

            await DashboardBrowser.AssertFitsAsync(page, "[data-stat=change]", "[data-stat=followers]", "[data-stat=attributed]", "[data-caption=naive]", "table.best td[data-value=gain]");
            Assert.Equal(change.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture), await page.Locator("[data-stat=change]").InnerTextAsync());
            var headline = (await page.Locator(".card.headline").BoundingBoxAsync())!;
            Assert.True(headline.Y + headline.Height <= DashboardBrowser.Height, "the headline is in the first screen");
        }

        var growth = await dashboard.OpenAsync("/dashboard", "growth-1280");
        // Each post once, by the best method it has: X's own count, else engagement share, else overlap-shared, else naive.
        var best = await dashboard.QueryAsync<Best>(
            """
            select p.tweet_id as PostId, p.posted_at as PostedAt, c.text as Text,
                   coalesce(x.attributed_followers, e.attributed_followers, o.attributed_followers, n.attributed_followers) as Gain
            from posted_decisions p join content_metadata c using (decision_id)
            left join post_attribution x on x.post_id = p.tweet_id and x.method = 'x_reported'
            left join post_attribution e on e.post_id = p.tweet_id and e.method = 'engagement_share'
            left join post_attribution o on o.post_id = p.tweet_id and o.method = 'overlap_shared'
            left join post_attribution n on n.post_id = p.tweet_id and n.method = 'naive'
            where coalesce(x.attributed_followers, e.attributed_followers, o.attributed_followers, n.attributed_followers) is not null
            order by 4 desc
            """);
        var naive = await dashboard.ScalarAsync<double>("select sum(attributed_followers) from post_attribution where method = 'naive'");
        Assert.Equal(Display.Signed(best.Sum(b => b.Gain), "+#,0;-#,0;0"), await growth.Locator("[data-stat=attributed]").InnerTextAsync());
        Assert.Equal(Display.Signed(naive, "+#,0;-#,0;0"), await growth.Locator("[data-stat=naive]").InnerTextAsync());
        Assert.Contains("overlapping 48-hour windows", await growth.Locator("[data-caption=naive]").InnerTextAsync(), StringComparison.Ordinal);

        Assert.Equal(best.Select(b => b.PostId), await growth.Locator("table.best tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.post)"));
        foreach (var post in best)
        {
            Assert.StartsWith(Display.Signed(post.Gain, "+#,0.0;-#,0.0;0"), await growth.Locator($"table.best tr[data-post='{post.PostId}'] [data-value=gain]").InnerTextAsync(), StringComparison.Ordinal);
        }

        // The per-post chart: a label per post with an attribution, its date and its first words, inside the chart.
        var chart = (await growth.Locator("svg[data-chart=attribution]").BoundingBoxAsync())!;
        var labels = growth.Locator("svg[data-chart=attribution] text.row-label");
        var texts = await labels.AllTextContentsAsync();
        Assert.Equal(best.OrderBy(b => b.PostedAt).Select(b => $"{b.PostedAt.UtcDateTime:MM-dd HH:mm} · {b.Text[..20]}"), texts.Select(t => t[..(t.IndexOf('·') + 22)]));
        foreach (var label in await labels.AllAsync())
        {
            var box = (await label.BoundingBoxAsync())!;
            Assert.True(box.X >= chart.X && box.X + box.Width <= chart.X + chart.Width, $"label at x {box.X:0}–{box.X + box.Width:0} leaves the chart ({chart.X:0}–{chart.X + chart.Width:0})");
        }
    }
}
