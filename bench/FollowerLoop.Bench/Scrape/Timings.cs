namespace FollowerLoop.Bench.Scrape;

/// <summary>Durations of repeated reads, summarised as nearest-rank percentiles.</summary>
internal sealed class Timings
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public void Add(TimeSpan duration) => _milliseconds.Add(duration.TotalMilliseconds);

    public double Mean() => _milliseconds.Count == 0 ? throw new InvalidOperationException("No samples.") : _milliseconds.Average();

    /// <summary>The smallest sample with at least <paramref name="percent"/>% of the samples at or below it.</summary>
    public double Percentile(double percent)
    {
        if (_milliseconds.Count == 0)
        {
            throw new InvalidOperationException("No samples.");
        }

        var sorted = _milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
