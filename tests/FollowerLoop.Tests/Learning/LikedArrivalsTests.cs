using FollowerLoop.Learning;

namespace FollowerLoop.Tests.Learning;

/// <summary>Engagement share's estimates sharpened by the arrivals who had liked a post: certain follows, standing for a share of every post's.</summary>
public sealed class LikedArrivalsTests
{
    [Fact]
    public void EachListedPost_GetsItsMatchedArrivals_PlusTheRestOfItsEstimate()
    {
        // 12 listed posts estimated at 5 followers each (60), 15 arrivals matched: a quarter of the follows.
        var estimates = Enumerable.Range(0, 12).ToDictionary(i => $"p{i}", _ => (double?)5);
        estimates["lost"] = -1;
        estimates["unread"] = 4;
        var listed = estimates.Keys.Where(id => id != "unread").ToHashSet();
        var matched = new Dictionary<string, double> { ["p0"] = 5, ["p1"] = 0, ["p2"] = 10 };

        var credit = LikedArrivals.Sharpen(estimates, listed, matched);

        Assert.Equal(0.25, credit.Share!.Value, 10);
        Assert.Equal((13, 15.0), (credit.ReadPosts, credit.Matched));
        Assert.Equal(5 + (0.75 * 5), credit.Followers["p0"]!.Value, 10);
        Assert.Equal(0.75 * 5, credit.Followers["p1"]!.Value, 10);
        Assert.Equal(10 + (0.75 * 5), credit.Followers["p2"]!.Value, 10);
        // A net loss comes from unfollows, which no liker stands for: it is kept whole.
        Assert.Equal(-1, credit.Followers["lost"]);
        Assert.Equal(4, credit.Followers["unread"]);
    }

    [Fact]
    public void TooFewListedPosts_KeepTheEstimates()
    {
        var estimates = Enumerable.Range(0, LikedArrivals.MinReadPosts - 1).ToDictionary(i => $"p{i}", _ => (double?)3);
        var matched = new Dictionary<string, double> { ["p0"] = 3 };

        var credit = LikedArrivals.Sharpen(estimates, estimates.Keys.ToHashSet(), matched);

        Assert.Null(credit.Share);
        Assert.Equal(estimates, credit.Followers);
    }

    [Fact]
    public void MoreMatchedThanEstimated_CreditsTheMatchedAlone_AndAnUnknownEstimateStaysUnknown()
    {
        var estimates = Enumerable.Range(0, 12).ToDictionary(i => $"p{i}", _ => (double?)1);
        estimates["p11"] = null;
        var matched = Enumerable.Range(0, 10).ToDictionary(i => $"p{i}", _ => 2.0);

        var credit = LikedArrivals.Sharpen(estimates, estimates.Keys.ToHashSet(), matched);

        Assert.Equal(1, credit.Share);
        Assert.All(Enumerable.Range(0, 10), i => Assert.Equal(2, credit.Followers[$"p{i}"]));
        Assert.Equal(0, credit.Followers["p10"]);
        Assert.Null(credit.Followers["p11"]);
    }

    [Fact]
    public void AnArrivalWhoLikedSeveralPosts_CountsForEachAlike()
    {
        var liked = new Dictionary<string, string[]> { ["u1"] = ["p0"], ["u2"] = ["p0", "p1"], ["u3"] = ["p0", "p1", "p2"] };

        var perPost = LikedArrivals.PerPost(liked);

        Assert.Equal(["p0", "p1", "p2"], perPost.Keys.Order());
        Assert.Equal(1 + 0.5 + (1.0 / 3), perPost["p0"], 9);
        Assert.Equal(0.5 + (1.0 / 3), perPost["p1"], 9);
        Assert.Equal(1.0 / 3, perPost["p2"], 9);
    }
}
