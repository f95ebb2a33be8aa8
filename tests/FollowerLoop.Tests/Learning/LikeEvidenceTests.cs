using FollowerLoop.Learning;
using FollowerLoop.Storage;

namespace FollowerLoop.Tests.Learning;

/// <summary>Engagement share's estimates sharpened by the new followers' likes, on hand-built weights: one hour a window.</summary>
public sealed class LikeEvidenceTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A post every 2 hours, each expected to bring 2 follows in each of the three hours after the next.</summary>
    private static readonly int[] PostHours = [.. Enumerable.Range(0, 12).Select(i => 2 * i)];

    [Fact]
    public void LikesMoveArrivalsToThePostsLiked_WithinTheirWindows_AndLeaveTheirNumber()
    {
        var evidence = LikeEvidence.Weigh(Estimates(), Posts(), Listed(), Weights(), Windows(), Likers());
        var credit = evidence.Credit();

        // Posts 4, 8, … 20 had a liker among the arrivals of the hour each shares with the post before.
        Assert.Equal(Likers().Count, evidence.Matched);
        Assert.All([4, 8, 12, 16, 20], t => Assert.True(credit[Post(t)] > 6.3, $"{Post(t)}: {credit[Post(t)]}"));
        Assert.All([2, 6, 10, 14, 18], t => Assert.True(credit[Post(t)] < 5.7, $"{Post(t)}: {credit[Post(t)]}"));
        // No arrival is organic here (they are exactly the posts' expected follows), so the credits still add up to them.
        Assert.Equal(6.0 * PostHours.Length, PostHours.Sum(t => credit[Post(t)]!.Value), 9);
        Assert.Null(credit["unknown"]);
        Assert.InRange(evidence.Chances!.Bringer, 0.2, 0.8);
        Assert.True(evidence.Chances.Next < 0.01, $"next {evidence.Chances.Next}");
    }

    [Fact]
    public void EachArrivalsShares_AreItsGroups_TheLikedByTheirLikes_TheOthersOfAWindowTogether()
    {
        var arrivals = LikeEvidence.Weigh(Estimates(), Posts(), Listed(), Weights(), Windows(), Likers()).Arrivals().ToList();

        // Post 8's liker in the hour it shares with post 6: mostly post 8's; the hour's other arrival leans to post 8 too,
        // whose own likers (two against post 6's one) say it brought more than expected.
        var window = Start.AddHours(10);
        var liker = Assert.Single(arrivals, a => a.FirstSeenAt == window && a.UserIds.Count > 0);
        Assert.Equal(["shared8"], liker.UserIds);
        Assert.True(liker.Shares[Post(8)] > 0.9, $"{liker.Shares[Post(8)]}");
        var others = Assert.Single(arrivals, a => a.FirstSeenAt == window && a.UserIds.Count == 0);
        Assert.InRange(others.Shares[Post(8)], 0.51, 0.6);
        Assert.Equal(1, others.Shares[Post(6)] + others.Shares[Post(8)], 9);
        // Every arrival is in one group, and none is organic here.
        Assert.Equal(Windows().Sum(w => w.Arrivals), arrivals.Sum(a => (a.UserIds.Count > 0 ? a.UserIds.Count : ArrivalsIn(a)) * a.Shares.Values.Sum()), 9);
    }

    [Fact]
    public void ALikeOfThePostAfterTheOneThatBroughtThem_CountsForLess_WhereFollowersOftenLikeIt()
    {
        // The same likers, then with one more in each hour that only post t can explain who liked post t + 2 as well.
        var alsoNext = Likers().Concat(PostHours.SkipLast(1).Select(t => new LikedArrival($"next{t}", Start.AddHours(t + 2), Start.AddHours(t + 3), [Post(t), Post(t + 2)]))).ToList();

        var first = LikeEvidence.Weigh(Estimates(), Posts(), Listed(), Weights(), Windows(), Likers()).Credit();
        var second = LikeEvidence.Weigh(Estimates(), Posts(), Listed(), Weights(), Windows(), alsoNext);
        var secondCredit = second.Credit();

        Assert.True(second.Chances!.Next > 0.3, $"next {second.Chances.Next}");
        // Post 8's liker in the hour it shares with post 6 may now be one of post 6's who liked the next post.
        Assert.True(secondCredit[Post(8)] < first[Post(8)] - 0.1, $"{first[Post(8)]} → {secondCredit[Post(8)]}");
    }

    [Fact]
    public void LikesOfPostsThatCannotHaveBroughtThem_KeepTheEstimates()
    {
        // Each liker arrived in the hour only post t can explain and liked post t + 2 alone, which was out but expected to
        // bring no one yet: a liked post is no likelier the one than any other, so the likes are left out.
        var liked = PostHours.SkipLast(1).Select(t => new LikedArrival($"u{t}", Start.AddHours(t + 2), Start.AddHours(t + 3), [Post(t + 2)])).ToList();

        var evidence = LikeEvidence.Weigh(Estimates(), Posts(), Listed(), Weights(), Windows(), liked);

        Assert.Equal(Estimates(), evidence.Credit());
        Assert.Null(evidence.Chances);
    }

    [Fact]
    public void TooFewListedPosts_OrNoLikes_KeepTheEstimates()
    {
        var tooFew = PostHours.Take(LikeEvidence.MinReadPosts - 1).Select(Post).ToHashSet();

        var fewListed = LikeEvidence.Weigh(Estimates(), Posts(), tooFew, Weights(), Windows(), Likers());
        var noLikes = LikeEvidence.Weigh(Estimates(), Posts(), Listed(), Weights(), Windows(), []);

        Assert.All([fewListed, noLikes], evidence => Assert.Equal(Estimates(), evidence.Credit()));
        Assert.All([fewListed, noLikes], evidence => Assert.Null(evidence.Chances));
    }

    private static string Post(int hour) => $"p{hour:00}";

    /// <summary>How many of a window's arrivals a group without likers stands for: the window's, less its likers.</summary>
    private static int ArrivalsIn(ArrivalPosterior others) =>
        Windows().Single(w => w.FirstSeenAt == others.FirstSeenAt).Arrivals - Likers().Count(l => l.FirstSeenAt == others.FirstSeenAt);

    /// <summary>
    /// Every post's likers in the hour only it explains (the middle of its three: the others it shares with the post
    /// before or after), and one more for posts 4, 8, … 20 in the hour each shares with the post before.
    /// </summary>
    private static List<LikedArrival> Likers() =>
    [
        .. PostHours.Select(t => new LikedArrival($"alone{t}", Start.AddHours(t + 2), Start.AddHours(t + 3), [Post(t)])),
        .. PostHours.Where(t => t > 0 && t % 4 == 0).Select(t => new LikedArrival($"shared{t}", Start.AddHours(t + 1), Start.AddHours(t + 2), [Post(t)])),
    ];

    private static HashSet<string> Listed() => [.. PostHours.Select(Post)];

    private static Dictionary<string, double?> Estimates() =>
        PostHours.ToDictionary(t => Post(t), _ => (double?)6).Append(new("unknown", null)).ToDictionary(e => e.Key, e => e.Value);

    private static List<PostViews> Posts() => [.. PostHours.Select(t => new PostViews(Post(t), Start.AddHours(t), null, []))];

    /// <summary>Post t brings 2 follows in each of the windows ending t + 2, t + 3 and t + 4 hours after it (rate 1: weight is follows).</summary>
    private static ArrivalWeights Weights() =>
        new(Start, TimeSpan.FromHours(1), [.. Posts().Select(p => (p.PostId, 1.0, new LaggedIncrements(p, (int)(p.PostedAt - Start).TotalHours, [0, 0, 2, 4, 6])))]);

    /// <summary>Each hour's arrivals: exactly the follows expected in it.</summary>
    private static List<ArrivalWindow> Windows() =>
        [.. Enumerable.Range(1, PostHours[^1] + 4)
            .Select(h => new ArrivalWindow(Start.AddHours(h - 1), Start.AddHours(h), 2 * PostHours.Count(t => h >= t + 2 && h <= t + 4)))
            .Where(w => w.Arrivals > 0)];
}
