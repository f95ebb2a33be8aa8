using FollowerLoop.Storage;
namespace FollowerLoop.Bench.Tracking;

/// <summary>How the tracking benchmark runs: clock speed, how posts are spread, the costs of a read.</summary>
/// <param name="MaxFactor">The fastest clock used.</param>
/// <param name="MaxRate">Checkpoints per real second the run may ask for: the clock is slowed for large N so that
/// the engine is not saturated by the acceleration itself (production spreads them over 48 real hours).</param>
internal sealed record TrackingSettings(
    IReadOnlyList<int> Sizes,
    double MaxFactor,
    double MaxRate,
    TimeSpan Spread,
    int ReadMs,
    TimeSpan PollingReadCost,
    string ConnectionString,
    string Redis)
{
    public double FactorFor(int posts) =>
        Math.Min(MaxFactor, Spread.TotalSeconds * MaxRate / (posts * CheckpointPhases.All.Count));
}
