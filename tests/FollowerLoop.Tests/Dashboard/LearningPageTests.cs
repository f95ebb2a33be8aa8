using FollowerLoop.Learning;

namespace FollowerLoop.Tests.Dashboard;

/// <summary>
/// /dashboard/learning at 1280×800 over patterns and finished posts written as Outcomes and Learn write them: a pattern
/// is coloured only when its Benjamini–Hochberg verdict says it holds, every plot shares one scale, every label fits,
/// and before a model it says how many finished posts there are of the Learn:MinRows needed.
/// </summary>
public sealed class LearningPageTests(DashboardBrowser dashboard) : IClassFixture<DashboardBrowser>
{
    private sealed record Pattern(string Category, string Finding, double EffectSize);

    [Fact]
    public async Task Learning_ColoursOnlySignificantPatterns_OnOneScale_WithLabelsThatFit_AndCountsTheFinishedPostsBeforeAModel()
    {
        await SeedAsync();
        var patterns = await dashboard.QueryAsync<Pattern>("select category as Category, finding as Finding, effect_size as EffectSize from learned_patterns where is_current");
        var finished = await dashboard.ScalarAsync<int>("select count(*)::int from comprehensive_metrics where kind = 'post' and learned_followers is not null");

        var page = await dashboard.OpenAsync("/dashboard/learning", "learning-1280");

        await DashboardBrowser.AssertFitsAsync(page, "svg g.interval circle.estimate", "svg text.row-label", "table.patterns td", "[data-empty=models]");
        Assert.StartsWith($"No model yet: {finished} of {new LearnOptions().MinRows} finished posts", await page.Locator("[data-empty=models]").InnerTextAsync(), StringComparison.Ordinal);

        // Coloured by sign only where the stored verdict says the effect holds at a 5% false discovery rate.
        foreach (var pattern in patterns)
        {
            var holds = pattern.Finding.Contains("; a finding at a 5% false discovery rate", StringComparison.Ordinal);
            var group = pattern.Finding[..pattern.Finding.IndexOf(':', StringComparison.Ordinal)];
            var dot = page.Locator($"svg[data-chart='patterns-{pattern.Category}'] g.interval[data-label='{group}'] circle.estimate");
            Assert.Equal(!holds ? "point estimate unclear" : pattern.EffectSize >= 0 ? "point estimate up" : "point estimate down", await dot.GetAttributeAsync("class"));
        }

        // One scale: the same ticks and the same zero in every plot.
        var charts = await page.Locator("svg[data-chart^='patterns-']").AllAsync();
        Assert.Equal(patterns.Select(p => p.Category).Distinct().Count(), charts.Count);
        var scales = new List<string>();
        foreach (var chart in charts)
        {
            scales.Add(await chart.EvaluateAsync<string>("svg => [...svg.querySelectorAll('text.tick')].map(t => t.textContent + '@' + t.getAttribute('x')).join(' ') + ' zero@' + svg.querySelector('line.zero').getAttribute('x1')"));
            var box = (await chart.BoundingBoxAsync())!;
            foreach (var label in await chart.Locator("text.row-label").AllAsync())
            {
                var text = (await label.BoundingBoxAsync())!;
                Assert.True(text.X >= box.X, $"a label starts at x {text.X:0}, left of its chart at {box.X:0}: clipped");
            }
        }

        Assert.Single(scales.Distinct());
    }

    private async Task SeedAsync()
    {
        var now = DateTimeOffset.UtcNow;
        // Seven finished posts the gain model could train on, and two it could not (no gain yet; a reply).
        var ids = await DashboardSeed.PostsAsync(dashboard, now,
            [.. Enumerable.Range(0, 9).Select(i => new DashboardSeed.SeedPost($"Finished post number {i} about planning", "list", "productivity", TimeSpan.FromHours(50 + i), 1000, 20, 900))]);
        for (var i = 0; i < ids.Count; i++)
        {
            await dashboard.ExecuteAsync(
                """
                insert into comprehensive_metrics (post_id, decision_id, account, kind, format, features, posted_at, hour_of_day, day_of_week, followers_at_post, attributed_followers, computed_at)
                select p.tweet_id, p.decision_id, p.account, @kind, 'list', '{"WeightedLength": 40, "Lines": 1}', p.posted_at, 9, 1, 1000, @gain, @now
                from posted_decisions p where p.tweet_id = @id
                """,
                new { id = ids[i], kind = i == 8 ? "reply" : "post", gain = i == 7 ? (double?)null : 2.5 + i, now });
        }

        (string Category, string Group, double Effect, double Low, double High, double Q)[] found =
        [
            ("format", "list", 5.2, 2.1, 8.3, 0.01),
            ("format", "story", 2.0, -1.0, 5.0, 0.40),
            ("format", "question", -4.0, -7.5, -0.5, 0.03),
            ("topic", "productivity", 30.0, 12.0, 48.0, 0.02),
            ("topic", "tools", -1.5, -20.0, 17.0, 0.90),
            ("hook", "a question that turns the readers own week into the example", 1.0, -0.5, 2.5, 0.30),
        ];
        foreach (var (category, group, effect, low, high, q) in found)
        {
            await dashboard.ExecuteAsync(
                """
                insert into learned_patterns (account, category, finding, effect_size, ci_low, ci_high, sample_size, is_current, created_at)
                values (@account, @category, @finding, @effect, @low, @high, 4, true, @now)
                """,
                new
                {
                    account = DashboardBrowser.Account, category, effect, low, high, now,
                    finding = $"{group}: {effect:+0.0;-0.0} followers per post (95% CI {low:0.0} to {high:0.0}, n = 4) vs the rest; {PatternFinder.Discovery(q, found.Length)}",
                });
        }
    }
}
