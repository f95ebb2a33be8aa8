using FollowerLoop.Learning;

namespace FollowerLoop.Tests.Learning;

/// <summary>The pooled fit's sums against the least squares they stand in for, and the dead time as a shift of the spread views.</summary>
public sealed class PooledSumsTests
{
    // (hours, posts' weight, follower change): a drift of 2 an hour, 0.01 follows per view, and noise.
    private static readonly (double Hours, double Weight, double Change)[] Intervals =
    [.. Enumerable.Range(0, 40).Select(i => (Hours: 1 + (i % 3), Weight: 500 + (300 * Math.Sin(i)), Change: 0.0))
        .Select((r, i) => r with { Change = (2 * r.Hours) + (0.01 * r.Weight) + (3 * Math.Cos(7 * i)) })];

    private static PooledSums[] Sums(IEnumerable<(double Hours, double Weight, double Change)> rows) =>
        [.. rows.Select(r => PooledSums.Of(r.Hours, r.Weight, r.Change, 1 / r.Hours))];

    private static (double[] Coefficients, double Rss) LeastSquares(IReadOnlyList<(double Hours, double Weight, double Change)> rows, bool drift) =>
        WeightedLeastSquares.Solve(
            [.. rows.Select(r => drift ? new[] { r.Hours, r.Weight } : [r.Weight])], [.. rows.Select(r => r.Change)], [.. rows.Select(r => 1 / r.Hours)])!.Value;

    [Fact]
    public void AFit_AndItsSquaredError_AreTheWeightedLeastSquares()
    {
        var sums = PooledSums.Sum(Sums(Intervals));

        var (drift, rate) = sums.DriftAndRate()!.Value;
        var expected = LeastSquares(Intervals, drift: true);
        Assert.Equal(expected.Coefficients[0], drift, 9);
        Assert.Equal(expected.Coefficients[1], rate, 12);
        Assert.Equal(expected.Rss, sums.Rss(drift, rate), 6);
        var alone = LeastSquares(Intervals, drift: false);
        Assert.Equal(alone.Coefficients[0], sums.Rate()!.Value, 12);
        Assert.Equal(alone.Rss, sums.Rss(0, sums.Rate()!.Value), 6);
        Assert.Equal(Intervals.Length, sums.Count);
    }

    [Fact]
    public void AStretchTakenAway_FitsAsTheRestDoes_AndItsErrorIsItsOwnResiduals()
    {
        var sums = Sums(Intervals);
        var held = PooledSums.Sum(sums.AsSpan(10..20));

        var (drift, rate) = (PooledSums.Sum(sums) - held).DriftAndRate()!.Value;

        var rest = LeastSquares([.. Intervals[..10], .. Intervals[20..]], drift: true).Coefficients;
        Assert.Equal(rest[0], drift, 9);
        Assert.Equal(rest[1], rate, 12);
        var residuals = Intervals[10..20].Sum(r => Math.Pow(r.Change - (drift * r.Hours) - (rate * r.Weight), 2) / r.Hours);
        Assert.Equal(residuals, held.Rss(drift, rate), 6);
        Assert.Equal(30, (PooledSums.Sum(sums) - held).Count);
    }

    [Fact]
    public void NoWeight_FitsNoRate()
    {
        var sums = PooledSums.Sum(Sums([.. Intervals.Select(r => r with { Weight = 0 })]));

        Assert.Null(sums.Rate());
        Assert.Null(sums.DriftAndRate());
    }

    [Fact]
    public void ADeadTime_StartsTheWeightLater_AndCutsWhatItPushesPastTheWindow()
    {
        // Weight 1, 2, 3, 4 in the four steps of a post's window starting at step 5.
        var spread = new LaggedIncrements(new PostViews("p", DateTimeOffset.UnixEpoch, null, []), 5, [0, 1, 3, 6, 10]);

        var delayed = spread.Delayed(2);

        Assert.Equal(10, spread.Between(0, 100));
        Assert.Equal(0, delayed.Between(0, 7));
        Assert.Equal((1, 2), (delayed.Between(7, 8), delayed.Between(8, 9)));
        Assert.Equal(3, delayed.Between(0, 100));
        Assert.Equal(0, spread.Delayed(5).Between(0, 100));
    }

    [Fact]
    public void AReusedBuffer_LongerThanThePost_CountsOnlyThePostsSums()
    {
        // The same post as above spread into a buffer that still holds a longer post's sums after its own.
        var spread = new LaggedIncrements(new PostViews("p", DateTimeOffset.UnixEpoch, null, []), 5, [0, 1, 3, 6, 10, 99, 99], 5);

        Assert.Equal(10, spread.Between(0, 100));
        Assert.Equal(4, spread.Between(8, 100));
        Assert.Equal(3, spread.Delayed(2).Between(0, 100));
    }
}
