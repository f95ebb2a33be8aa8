namespace FollowerLoop.Bench.Learning;

/// <summary>One policy's run: the true 48-hour follower gain of each of its posts, in posting order.</summary>
internal sealed record PolicyOutcome(string Name, IReadOnlyList<double> Gains, DateTimeOffset LastPostAt, TimeSpan Elapsed)
{
    public double Total => Gains.Sum();

    public double Last(int posts) => Gains.TakeLast(posts).Sum();
}
