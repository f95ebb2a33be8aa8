using FollowerLoop.Bench.Scrape;

namespace FollowerLoop.Bench.Tracking;

/// <summary>Missed checkpoints and lateness percentiles (seconds) of one design on one set of posts; unknown (null) when none was measured.</summary>
internal sealed record LatenessSummary(int Checkpoints, int Missed, double? P50, double? P99, double? Max)
{
    /// <param name="lateness">Each checkpoint's lateness in production seconds; null when it was never measured.</param>
    public static LatenessSummary From(IReadOnlyList<TimeSpan?> lateness)
    {
        var timings = new Timings();
        foreach (var value in lateness.OfType<TimeSpan>())
        {
            timings.Add(value.Duration());
        }

        var missed = lateness.Count(l => l is null);
        return timings.Count == 0
            ? new LatenessSummary(lateness.Count, missed, null, null, null)
            : new LatenessSummary(lateness.Count, missed, timings.Percentile(50) / 1000, timings.Percentile(99) / 1000, timings.Percentile(100) / 1000);
    }
}
