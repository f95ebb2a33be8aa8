using FollowerLoop.Bench.Scrape;

namespace FollowerLoop.Bench.Dashboard;

/// <summary>One page's warm load times and the size of what it sent.</summary>
internal sealed record PageTiming(string Name, string Path, Timings Timings, int Bytes)
{
    public double MedianMs => Timings.Percentile(50);

    public double MaxMs => Timings.Percentile(100);
}
