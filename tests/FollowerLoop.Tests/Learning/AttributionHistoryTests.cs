using FollowerLoop.Learning;

namespace FollowerLoop.Tests.Learning;

/// <summary>What an Attribution run at a past moment saw, cut from everything measured since (the bench's replay of a run).</summary>
public sealed class AttributionHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly AttributionHistory History = new(
        [Post("early", 0, (2, 500), (6, 900), (12, 1000)), Post("late", 5, (2, 300))],
        [Post("early", 0, (2, 20), (6, 30), (12, 35)), Post("late", 5, (2, 10))],
        [.. Enumerable.Range(0, 13).Select(h => new FollowerReading(T0.AddHours(h), 1000 + h))]);

    [Fact]
    public void AsOf_KeepsOnlyWhatWasMeasuredByThen()
    {
        var inputs = History.AsOf(T0, T0.AddHours(6));

        Assert.Equal(["early", "late"], inputs.Posts.Select(p => p.PostId));
        Assert.Equal([2.0, 6.0], inputs.Posts[0].Checkpoints.Select(c => c.Hours));
        Assert.Empty(inputs.Posts[1].Checkpoints);
        Assert.Equal(T0.AddHours(6), inputs.Readings.Max(r => r.At));
        Assert.True(inputs.ByVisits);
        Assert.Equal([500L, 900L], inputs.Views[0].Checkpoints.Select(c => c.Views));
        Assert.Equal(["early"], History.AsOf(T0, T0.AddHours(4.5)).Posts.Select(p => p.PostId));
    }

    [Fact]
    public void AsOf_ASeriesStartingLater_LeavesOutEarlierReadings_ButNotThePostsLiveInIt()
    {
        var inputs = History.AsOf(T0.AddHours(3), T0.AddHours(12));

        Assert.Equal(T0.AddHours(3), inputs.Readings.Min(r => r.At));
        Assert.Equal(["early", "late"], inputs.Posts.Select(p => p.PostId));
        Assert.Equal(3, inputs.Posts[0].Checkpoints.Count);
    }

    [Fact]
    public void AsOf_ByViews_WhenAnyCheckpointLacksItsVisits()
    {
        var history = History with { Visits = [Post("early", 0, (2, 20)), Post("late", 5, (2, 10))] };

        var inputs = history.AsOf(T0, T0.AddHours(12));

        Assert.False(inputs.ByVisits);
        Assert.Equal(1000L, inputs.Posts[0].Checkpoints[^1].Views);
    }

    private static PostViews Post(string id, double postedAtHour, params (double Hours, long Count)[] checkpoints) =>
        new(id, T0.AddHours(postedAtHour), "list", checkpoints);
}
