using FollowerLoop.Followers;
using FollowerLoop.X;

namespace FollowerLoop.Tests.Followers;

public sealed class FollowerPassTests
{
    private static readonly Dictionary<string, long> Known = new(StringComparer.Ordinal) { ["a"] = 1, ["b"] = 2, ["c"] = 3, ["d"] = 4 };

    [Fact]
    public void APartialPass_ArrivalsAboveTheFirstKnown_AndTheKnownAboveItThatAreMissingLeft()
    {
        // d (newest known) unfollowed; c is the first known follower the pass meets.
        var pass = FollowerPass.Compare(Known, [Follower("new2"), Follower("new1"), Follower("c")], wholeList: false);

        Assert.Equal(["new1", "new2"], pass.Arrivals.Order(StringComparer.Ordinal));
        Assert.Equal(["d"], pass.Departures);
        // The arrivals above every position given before; c keeps its own.
        Assert.Equal([6L, 5L, 3L], pass.Listed.Select(l => l.Position));
    }

    [Fact]
    public void AWholeList_InTheKnownOrder_KeepsTheKnownPositions_AndNumbersTheArrivalsAbove()
    {
        var pass = FollowerPass.Compare(Known, [Follower("new1"), Follower("d"), Follower("b"), Follower("a")], wholeList: true);

        Assert.Equal([5L, 4L, 2L, 1L], pass.Listed.Select(l => l.Position));
    }

    [Theory]
    [InlineData("new1", "d", "b", "c")]
    [InlineData("d", "new1", "c", "b")]
    public void AWholeList_OutOfTheKnownOrder_OrWithAnArrivalBelowAKnownFollower_NumbersEveryoneAnew(string first, string second, string third, string fourth)
    {
        var pass = FollowerPass.Compare(Known, [Follower(first), Follower(second), Follower(third), Follower(fourth)], wholeList: true);

        Assert.Equal([8L, 7L, 6L, 5L], pass.Listed.Select(l => l.Position));
    }

    [Fact]
    public void AWholeList_SeesEveryDeparture_AndAFollowerListedTwiceOnce()
    {
        var pass = FollowerPass.Compare(Known, [Follower("new1"), Follower("d"), Follower("d"), Follower("b")], wholeList: true);

        Assert.Equal(["new1"], pass.Arrivals);
        Assert.Equal(["a", "c"], pass.Departures);
        Assert.Equal(3, pass.Listed.Count);
    }

    [Fact]
    public void TheFirstPass_ListsEveryoneAsNew()
    {
        var pass = FollowerPass.Compare(new Dictionary<string, long>(), [Follower("x"), Follower("y")], wholeList: true);

        Assert.Equal(2, pass.Arrivals.Count);
        Assert.Empty(pass.Departures);
        Assert.Equal([2L, 1L], pass.Listed.Select(l => l.Position));
    }

    [Fact]
    public void Quality_FollowsTheDocumentedRules_AndUnknownFactsApplyNone()
    {
        var seen = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var bot = new XFollower("1", "amy12345678", "Amy", seen.AddDays(-3), DefaultProfileImage: true, HasBio: false, FollowersCount: 2, FollowingCount: 3_000, PostsCount: 0);
        var person = new XFollower("2", "sam_builds", "Sam", seen.AddYears(-4), DefaultProfileImage: false, HasBio: true, FollowersCount: 300, FollowingCount: 400, PostsCount: 2_000);

        Assert.Equal((0, 5), (FollowerQuality.Of(bot, seen).Score, FollowerQuality.Of(bot, seen).Reasons.Count));
        Assert.Equal(100, FollowerQuality.Of(person, seen).Score);
        Assert.Equal(100, FollowerQuality.Of(new XFollower("3", "unknown", null), seen).Score);
        var (score, reasons) = FollowerQuality.Of(person with { HasBio = false, PostsCount = 5 }, seen);
        Assert.Equal(75, score);
        Assert.Equal([FollowerQuality.NoBio, FollowerQuality.HardlyPosts], reasons);
    }

    private static XFollower Follower(string id) => new(id, $"h_{id}", null);
}
