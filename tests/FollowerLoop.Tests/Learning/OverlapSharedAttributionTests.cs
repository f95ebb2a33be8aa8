using FollowerLoop.Learning;

namespace FollowerLoop.Tests.Learning;

public sealed class OverlapSharedAttributionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    private static PostViews Post(string id, double hoursAfterT0) => new(id, T0.AddHours(hoursAfterT0), "tip", []);

    [Fact]
    public void Estimate_SplitsEachIntervalEquallyAmongThePostsLiveInIt()
    {
        // 0–1 h: only a is live (+10); 1–2 h: a and b (+20, 10 each); 49–50 h: a has aged out, b alone (+4).
        FollowerReading[] readings = [new(T0, 100), new(T0.AddHours(1), 110), new(T0.AddHours(2), 130), new(T0.AddHours(49), 130), new(T0.AddHours(50), 134)];

        var shares = OverlapSharedAttribution.Estimate(readings, [Post("a", -0.5), Post("b", 1.5), Post("late", 60)]);

        Assert.Equal(20, shares["a"]!.Value, 6);
        Assert.Equal(14, shares["b"]!.Value, 6);
        Assert.Null(shares["late"]);
    }

    [Fact]
    public void Estimate_AFollowerLoss_IsSharedToo() =>
        Assert.Equal(-6, OverlapSharedAttribution.Estimate([new(T0, 100), new(T0.AddHours(3), 94)], [Post("a", 0)])["a"]!.Value, 6);
}
