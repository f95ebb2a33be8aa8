using System.Globalization;
using FollowerLoop.Worker.Dashboard.Shared;

namespace FollowerLoop.Tests.Dashboard;

/// <summary>
/// /dashboard/posts at 1280×800: where each post's tracking stands, when it went out, its words in two lines at most,
/// its attributed gain (its best method) and its 48-hour likes and views (or, while those are not in, its latest ones
/// marked "now"), as the database holds them, with no horizontal scrolling.
/// </summary>
public sealed class PostsPageTests(DashboardBrowser dashboard) : IClassFixture<DashboardBrowser>
{
    private sealed record Row(string PostId, double? Gain, long? Likes, long? Views, long? LikesNow, long? ViewsNow, int Done);

    [Fact]
    public async Task Posts_FitsALaptop_WithEachPostsStatusTextGainLikesAndViews()
    {
        var now = DateTimeOffset.UtcNow;
        var words = string.Join(' ', Enumerable.Repeat("A long post that goes on about planning, habits and the tools that help, line after line,", 3));
        var ids = await DashboardSeed.PostsAsync(dashboard, now,
        [
            new(words, "thread", "productivity", TimeSpan.FromHours(60), 1010, 1234, 56789, Naive: 40, Overlap: 10, Share: 12.4),
            new("Short and sweet.", "story", "work", TimeSpan.FromHours(50), 1040, 60, 3000, Naive: 35, Reported: 11),
            new("What is the one tool you would keep?", "question", "tools", TimeSpan.FromHours(20), 1070, 30, 1500),
        ]);
        // The Analytics job's latest reading of the post in flight, newer than its 12-hour checkpoint.
        await dashboard.ExecuteAsync(
            """
            insert into unified_outcomes (decision_id, post_id, likes, views, collection_phase, collected_at)
            select decision_id, tweet_id, 41, 2100, 'live', @at from posted_decisions where tweet_id = @post
            """,
            new { post = ids[2], at = now.AddMinutes(-10) });
        var expected = await dashboard.QueryAsync<Row>(
            """
            select p.tweet_id as PostId,
                   coalesce(x.attributed_followers, e.attributed_followers, o.attributed_followers, n.attributed_followers) as Gain,
                   v.likes as Likes, v.views as Views, u.likes as LikesNow, u.views as ViewsNow,
                   (select count(*)::int from post_velocity_tracking d where d.post_id = p.tweet_id and d.status = 'measured') as Done
            from posted_decisions p
            left join post_velocity_tracking v on v.post_id = p.tweet_id and v.collection_phase = '48h'
            left join unified_outcomes u on u.post_id = p.tweet_id
            left join post_attribution x on x.post_id = p.tweet_id and x.method = 'x_reported'
            left join post_attribution e on e.post_id = p.tweet_id and e.method = 'engagement_share'
            left join post_attribution o on o.post_id = p.tweet_id and o.method = 'overlap_shared'
            left join post_attribution n on n.post_id = p.tweet_id and n.method = 'naive'
            order by p.posted_at desc
            """);

        var page = await dashboard.OpenAsync("/dashboard/posts", "posts-1280");

        await DashboardBrowser.AssertFitsAsync(page, "table.posts td.counts", "table.posts td.text", "table.posts td[data-value=gain]", "table.posts td[data-value=likes]", "table.posts td[data-value=views]");
        Assert.Equal(["Tracking", "Posted (UTC)", "Post", "Attributed gain", "Likes", "Views"], (await page.Locator("table.posts thead th").AllInnerTextsAsync()).Select(h => h.Split('\n')[0]));
        Assert.Equal(1, expected.Count(e => e.Likes is null && e.LikesNow == 41));
        Assert.Equal(expected.Select(e => e.PostId), await page.Locator("table.posts tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.post)"));
        foreach (var post in expected)
        {
            var row = page.Locator($"tr[data-post='{post.PostId}']");
            Assert.Equal(post.Done.ToString(CultureInfo.InvariantCulture), await row.Locator("td.counts .done").InnerTextAsync());
            Assert.StartsWith(post.Gain is null ? Display.Unknown : Display.Signed(post.Gain, "+#,0.0;-#,0.0;0"), await row.Locator("[data-value=gain]").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(post.Likes is null ? $"{Display.Number(post.LikesNow)} now" : Display.Number(post.Likes), await row.Locator("[data-value=likes]").InnerTextAsync());
            Assert.Equal(post.Views is null ? $"{Display.Number(post.ViewsNow)} now" : Display.Number(post.Views), await row.Locator("[data-value=views]").InnerTextAsync());
            // At most two lines of the post's words; the whole text is its title.
            var text = row.Locator("td.text a.clip");
            var lines = await text.EvaluateAsync<double>("a => a.getBoundingClientRect().height / parseFloat(getComputedStyle(a).lineHeight)");
            Assert.True(lines <= 2.05, $"{post.PostId}: {lines:0.0} lines");
        }
    }
}
