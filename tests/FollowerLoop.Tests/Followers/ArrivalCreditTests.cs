using FollowerLoop.Followers;
using FollowerLoop.Learning;

namespace FollowerLoop.Tests.Followers;

/// <summary>How arrivals are shared when some are known by name (they had liked the post): hand-built weights, one hour a window.</summary>
public sealed class ArrivalCreditTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AKnownArrival_IsItsPostsWhole_AndOfAPostWhoseShareKnownIsEveryones_TheRestExpectedIsTheRestOfItsFollows()
    {
        // A and B were each expected to bring 2 follows and one of each had liked it: half of the follows are known, so
        // each still has 1 to explain, and the two other arrivals (nothing left for organic ones) are half A's, half B's.
        var weights = Weights(("A", [2]), ("B", [2]));
        var arrivals = Arrivals(0, "liked-a", "liked-b", "x", "y");

        var credits = ArrivalCredit.Share(arrivals, weights, Liked(("liked-a", ["A"]), ("liked-b", ["B"])), Read("A", "B"));

        Assert.Equal(("A", 1.0), Whole(credits.Of(arrivals), "liked-a"));
        Assert.Equal(("B", 1.0), Whole(credits.Of(arrivals), "liked-b"));
        Assert.All(["x", "y"], user => Assert.Equal(new Dictionary<string, double> { ["A"] = 0.5, ["B"] = 0.5 }, SharesOf(credits.Of(arrivals), user)));
    }

    [Fact]
    public void APostWhoseOwnLikersWereMoreThanItsShare_IsCreditedMoreOfTheOthers()
    {
        // Both expected 2; A's two likers followed, none of B's. Half of all follows are known, and A's own likers say
        // its follows were above the estimate: of the rest, A's are (1 − ½)(10 + 2) / (10 + ½·2), B's (1 − ½)·10 / 11.
        var weights = Weights(("A", [2]), ("B", [2]));
        var arrivals = Arrivals(0, "liked-a-1", "liked-a-2", "x", "y");

        var credits = ArrivalCredit.Share(arrivals, weights, Liked(("liked-a-1", ["A"]), ("liked-a-2", ["A"])), Read("A", "B"));

        Assert.All(["x", "y"], user => Assert.Equal(new Dictionary<string, double> { ["A"] = Math.Round(12.0 / 22, 9), ["B"] = Math.Round(10.0 / 22, 9) }, SharesOf(credits.Of(arrivals), user)));
    }

    [Fact]
    public void APostWhoseLikersWereNotReadYet_KeepsItsExpectedFollowsWhole()
    {
        // A's likers were read (one of its 2 follows known), B's not yet: B's likers are among the unknown arrivals.
        var weights = Weights(("A", [2]), ("B", [2]));
        var arrivals = Arrivals(0, "liked-a", "x", "y", "z");

        var credits = ArrivalCredit.Share(arrivals, weights, Liked(("liked-a", ["A"])), Read("A"));

        // Known share ½ (1 of A's 2); A's unknown follows (1 − ½)(10 + 1) / (10 + 1) × 2 = 1, B's 2 whole; 3 unknown arrivals.
        Assert.All(["x", "y", "z"], user => Assert.Equal(new Dictionary<string, double> { ["A"] = Math.Round(1.0 / 3, 9), ["B"] = Math.Round(2.0 / 3, 9) }, SharesOf(credits.Of(arrivals), user)));
    }

    [Fact]
    public void APostWhoseListWasCut_HasOnlyItsKnownArrivalsTakenOffItsExpectedFollows()
    {
        // A's likers were more than X lists: its 2 known arrivals stand for no share, they only come off its 3 expected.
        var weights = Weights(("A", [3]), ("B", [1]));
        var arrivals = Arrivals(0, "liked-a-1", "liked-a-2", "x", "y");

        var credits = ArrivalCredit.Share(arrivals, weights, Liked(("liked-a-1", ["A"]), ("liked-a-2", ["A"])), new Dictionary<string, bool> { ["A"] = false });

        Assert.All(["x", "y"], user => Assert.Equal(new Dictionary<string, double> { ["A"] = 0.5, ["B"] = 0.5 }, SharesOf(credits.Of(arrivals), user)));
    }

    [Fact]
    public void AnArrivalWhoLikedTwoPosts_IsHalfEachs_AndCountsHalfForEach()
    {
        // A and B expected 2 each; one arrival liked both: half of one follow known of each, a quarter of all follows.
        // Of the rest, each post's is (1 − ¼)(10 + ½) / (10 + ¼·2) = ¾, so the three others are half A's, half B's.
        var weights = Weights(("A", [2]), ("B", [2]));
        var arrivals = Arrivals(0, "liked-both", "x", "y", "z");

        var credits = ArrivalCredit.Share(arrivals, weights, Liked(("liked-both", ["A", "B"])), Read("A", "B"));

        Assert.Equal(new Dictionary<string, double> { ["A"] = 0.5, ["B"] = 0.5 }, SharesOf(credits.Certain, "liked-both"));
        Assert.All(["x", "y", "z"], user => Assert.Equal(new Dictionary<string, double> { ["A"] = 0.5, ["B"] = 0.5 }, SharesOf(credits.Of(arrivals), user)));
    }

    [Fact]
    public void WithNoneKnown_EachArrivalIsSharedByTheExpectedFollowsAndTheOrganicRate()
    {
        var weights = Weights(("A", [1]), ("B", [1]));

        var arrivals = Arrivals(0, "x", "y", "z", "w");

        var credits = ArrivalCredit.Share(arrivals, weights, Liked(), Read());

        // Four arrivals against 2 expected: 2 organic in the hour, so each is a quarter A's, a quarter B's, stored once for
        // their window.
        Assert.Empty(credits.Certain);
        Assert.Equal([("A", 0.25), ("B", 0.25)], credits.Windows.Select(w => (w.PostId, Math.Round(w.Share, 9))).Order());
        Assert.Equal(8, credits.Of(arrivals).Count());
    }

    /// <summary>Posts that bring these follows in hour 0, 1, … (rate 1, so weight is follows).</summary>
    private static ArrivalWeights Weights(params (string PostId, double[] FollowsPerHour)[] posts) =>
        new(Start, TimeSpan.FromHours(1), [.. posts.Select(p => (p.PostId, 1.0, new LaggedIncrements(
            new PostViews(p.PostId, Start, null, []), 0, [0, .. p.FollowsPerHour.Select((_, h) => p.FollowsPerHour.Take(h + 1).Sum())])))]);

    private static List<Arrival> Arrivals(int hour, params string[] users) =>
        [.. users.Select(u => new Arrival(u, Start.AddHours(hour), Start.AddHours(hour + 1)))];

    /// <summary>Arrivals who had liked posts, each with the posts that share them.</summary>
    private static Dictionary<string, string[]> Liked(params (string UserId, string[] PostIds)[] liked) => liked.ToDictionary(l => l.UserId, l => l.PostIds);

    /// <summary>Posts whose likers X listed in full.</summary>
    private static Dictionary<string, bool> Read(params string[] posts) => posts.ToDictionary(p => p, _ => true);

    private static (string PostId, double Share) Whole(IEnumerable<ArrivalShare> credits, string user) =>
        Assert.Single(credits, c => c.UserId == user) is var credit ? (credit.PostId, credit.Share) : default;

    private static Dictionary<string, double> SharesOf(IEnumerable<ArrivalShare> credits, string user) =>
        credits.Where(c => c.UserId == user).ToDictionary(c => c.PostId, c => Math.Round(c.Share, 9));
}
