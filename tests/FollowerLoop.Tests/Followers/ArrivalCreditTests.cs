using FollowerLoop.Followers;
using FollowerLoop.Learning;
using FollowerLoop.Storage;

namespace FollowerLoop.Tests.Followers;

/// <summary>How arrivals' shares are stored: the liked arrivals' their own, a window's others once for the window; one hour a window.</summary>
public sealed class ArrivalCreditTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void LikedArrivals_KeepSharesOfTheirOwn_AndAWindowsOthersAreStoredOnceForIt()
    {
        var credits = ArrivalCredit.Credits(
        [
            Posterior(0, ["liked-a-1", "liked-a-2"], ("A", 0.9), ("B", 0.05)),
            Posterior(0, [], ("A", 0.4), ("B", 0.4)),
            Posterior(1, [], ("B", 1.0)),
        ]);

        Assert.Equal(
            [("liked-a-1", "A", 0.9), ("liked-a-1", "B", 0.05), ("liked-a-2", "A", 0.9), ("liked-a-2", "B", 0.05)],
            credits.Own.Select(c => (c.UserId, c.PostId, c.Share)).Order());
        Assert.Equal(
            [(Start, "A", 0.4), (Start, "B", 0.4), (Start.AddHours(1), "B", 1.0)],
            credits.Windows.Select(w => (w.ArrivedAfter, w.PostId, w.Share)).Order());
        Assert.Equal(8, credits.Of(Arrivals(0, "liked-a-1", "liked-a-2", "x", "y")).Count());
    }

    [Fact]
    public void SharesUnderAThousandth_AreLeftOut_SoALikedArrivalWithNoneLeftTakesItsWindows()
    {
        var credits = ArrivalCredit.Credits([Posterior(0, ["organic"], ("A", 0.0009)), Posterior(0, [], ("A", 0.3), ("B", 0.0009))]);

        Assert.Empty(credits.Own);
        Assert.Equal(new Dictionary<string, double> { ["A"] = 0.3 }, SharesOf(credits.Of(Arrivals(0, "organic")), "organic"));
    }

    [Fact]
    public void WithNoLikes_EachArrivalIsSharedByTheExpectedFollowsAndTheOrganicRate()
    {
        // A and B each expected to bring 1 follow in the hour, 4 arrivals: 2 organic, so each is a quarter A's, a quarter
        // B's, stored once for their window.
        var posts = new[] { "A", "B" }.Select(p => new PostViews(p, Start, null, [])).ToList();
        var weights = new ArrivalWeights(Start, TimeSpan.FromHours(1), [.. posts.Select(p => (p.PostId, 1.0, new LaggedIncrements(p, 0, [0, 1])))]);
        var arrivals = Arrivals(0, "x", "y", "z", "w");

        var evidence = LikeEvidence.Weigh(posts.ToDictionary(p => p.PostId, _ => (double?)1), posts, new HashSet<string>(), weights, [new ArrivalWindow(Start, Start.AddHours(1), arrivals.Count)], []);
        var credits = ArrivalCredit.Credits(evidence.Arrivals());

        Assert.Empty(credits.Own);
        Assert.Equal([("A", 0.25), ("B", 0.25)], credits.Windows.Select(w => (w.PostId, Math.Round(w.Share, 9))).Order());
        Assert.Equal(8, credits.Of(arrivals).Count());
    }

    private static ArrivalPosterior Posterior(int hour, string[] userIds, params (string PostId, double Share)[] shares) =>
        new(Start.AddHours(hour), Start.AddHours(hour + 1), userIds, shares.ToDictionary(s => s.PostId, s => s.Share));

    private static List<Arrival> Arrivals(int hour, params string[] users) =>
        [.. users.Select(u => new Arrival(u, Start.AddHours(hour), Start.AddHours(hour + 1)))];

    private static Dictionary<string, double> SharesOf(IEnumerable<ArrivalShare> credits, string user) =>
        credits.Where(c => c.UserId == user).ToDictionary(c => c.PostId, c => Math.Round(c.Share, 9));
}
