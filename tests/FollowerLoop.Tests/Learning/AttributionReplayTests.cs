using FollowerLoop.Harness;
using FollowerLoop.Tests.Infrastructure;

namespace FollowerLoop.Tests.Learning;

/// <summary>The replay behind <c>scripts/bench attribution</c>: its posting schedules and what it hands back.</summary>
public sealed class AttributionReplayTests
{
    private const int Days = 12;

    [Fact]
    public async Task WakingHours_PostsEightADay_AtDistinctLocalHoursFrom7To22()
    {
        // small-night-owls is 8 hours ahead of UTC: local mornings fall on the UTC day before.
        var file = Path.Combine(RepoRoot.Path, "bench", "audiences", "small-night-owls.json");
        var posts = await AttributionReplay.RunAsync(file, seed: 1, Days, ReplaySchedule.WakingHours, TestContext.Current.CancellationToken);

        Assert.NotEmpty(posts);
        var local = posts.Select(p => p.Post.PostedAt.ToOffset(TimeSpan.FromHours(8))).ToList();
        Assert.All(local, at => Assert.InRange(at.Hour, 7, 22));
        var days = local.GroupBy(at => at.Date).ToList();
        Assert.All(days, day => Assert.InRange(day.Count(), 1, 8));
        Assert.All(days, day => Assert.Equal(day.Count(), day.Select(at => at.Hour).Distinct().Count()));
        Assert.Contains(days, day => day.Count() == 8);
        Assert.True(days.Select(day => string.Join(',', day.Select(at => at.Hour))).Distinct().Count() > 1, "every day at the same hours");
    }

    [Fact]
    public async Task Evenly_PostsEveryThreeHours_AndCreditsNearlyEveryPost_AheadOfOverlapShared()
    {
        var posts = await AttributionReplay.RunAsync(null, seed: 1, Days, ReplaySchedule.Evenly, TestContext.Current.CancellationToken);

        Assert.NotEmpty(posts);
        Assert.All(posts.Zip(posts.Skip(1)), pair => Assert.Equal(0, (pair.Second.Post.PostedAt - pair.First.Post.PostedAt).TotalHours % 3));
        Assert.All(posts, p => Assert.Equal(1, p.Post.PostedAt.Hour % 3));
        // The posts from the third day on, credited a week after the last of them: nearly all (the sandbox refuses a few
        // template texts as duplicates), each by every method.
        Assert.True(posts.Count > (Days - 2) * 8 * 0.9, $"{posts.Count} posts credited of {(Days - 2) * 8}");
        Assert.True(posts.Average(p => Math.Abs(p.Share - p.Truth)) < posts.Average(p => Math.Abs(p.Shared - p.Truth)));
    }
}
