using FollowerLoop.Sandbox.Audience;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Bench.Learning;

/// <summary>
/// One policy's run: the true 48-hour follower gain of each of its posts, in posting order, and the same per
/// 10,000 followers the account had when the post went out (what the post did, whatever the account's size); with
/// followers scored, the followers each post brought who still followed a week later. <see cref="Expected"/> is each
/// post's expected gain where and when it went out (the sandbox's own, without the post's luck), and <see cref="Mix"/> what
/// the last posts were: they tell a policy's choices from its luck.
/// </summary>
internal sealed record PolicyOutcome(
    string Name,
    IReadOnlyList<double> Gains,
    IReadOnlyList<double> GainsPer10K,
    IReadOnlyList<double> Expected,
    string Mix,
    DateTimeOffset LastPostAt,
    TimeSpan Elapsed,
    IReadOnlyList<double>? Kept = null)
{
    public double Total => Gains.Sum();

    public double Last(int posts) => Gains.TakeLast(posts).Sum();

    public double LastPer10K(int posts) => GainsPer10K.TakeLast(posts).Sum();

    public double LastExpected(int posts) => Expected.TakeLast(posts).Sum();

    public double LastKept(int posts) => Kept?.TakeLast(posts).Sum() ?? double.NaN;

    /// <param name="kept">Whether to count each post's followers kept a week (the world's clock must be past its last post's 48 hours and a week).</param>
    public static PolicyOutcome Of(string name, SandboxWorld world, IReadOnlyList<SandboxPost> posts, TimeSpan elapsed, bool kept = false)
    {
        var gains = posts.Select(p => (double)world.TrueFollowerGain(p.Id).At48h).ToList();
        var per10K = posts.Select((p, i) => gains[i] * 10_000 / world.GetFollowers(p.PostedAt)).ToList();
        var expected = posts.Select(p => world.Audience.ExpectedFollows(p.Features, p.Context)).ToList();
        var keptCounts = kept ? posts.Select(p => (double)world.TrueFollowersKept(p.Id, LearningSettings.KeptFor)).ToList() : null;
        return new PolicyOutcome(name, gains, per10K, expected, MixOf(world, posts.TakeLast(LearningResult.Tail).ToList()), posts[^1].PostedAt, elapsed, keptCounts);
    }

    /// <summary>The posts' formats and local hours (the audience's clock), with how many of each.</summary>
    private static string MixOf(SandboxWorld world, IReadOnlyList<SandboxPost> posts)
    {
        var offset = TimeSpan.FromHours(world.Audience.Profile.Account.UtcOffsetHours);
        var formats = posts.GroupBy(p => p.Features.Format).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        var hours = posts.GroupBy(p => p.PostedAt.ToOffset(offset).Hour).OrderBy(g => g.Key).Select(g => $"{g.Key:00}h {g.Count()}");
        return $"{string.Join(", ", formats)}; {string.Join(", ", hours)}";
    }

    /// <summary>When every post's followers have had their week: 48 hours to come, 7 days to stay, and an hour.</summary>
    public static DateTimeOffset KeptKnownAt(IReadOnlyList<SandboxPost> posts) => posts[^1].PostedAt + AccrualCurves.Horizon + LearningSettings.KeptFor + TimeSpan.FromHours(1);
}
