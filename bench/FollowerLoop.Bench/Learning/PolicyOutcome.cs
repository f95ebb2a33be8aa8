using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Bench.Learning;

/// <summary>
/// One policy's run: the true 48-hour follower gain of each of its posts, in posting order, and the same per
/// 10,000 followers the account had when the post went out (what the post did, whatever the account's size).
/// </summary>
internal sealed record PolicyOutcome(string Name, IReadOnlyList<double> Gains, IReadOnlyList<double> GainsPer10K, DateTimeOffset LastPostAt, TimeSpan Elapsed)
{
    public double Total => Gains.Sum();

    public double Last(int posts) => Gains.TakeLast(posts).Sum();

    public double LastPer10K(int posts) => GainsPer10K.TakeLast(posts).Sum();

    public static PolicyOutcome Of(string name, SandboxWorld world, IReadOnlyList<SandboxPost> posts, TimeSpan elapsed)
    {
        var gains = posts.Select(p => (double)world.TrueFollowerGain(p.Id).At48h).ToList();
        var per10K = posts.Select((p, i) => gains[i] * 10_000 / world.GetFollowers(p.PostedAt)).ToList();
        return new PolicyOutcome(name, gains, per10K, posts[^1].PostedAt, elapsed);
    }
}
