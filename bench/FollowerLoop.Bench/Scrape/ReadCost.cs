namespace FollowerLoop.Bench.Scrape;

/// <summary>What one read cost: its wall time, the page loads and received bytes the client counted, and Chromium's CPU time.</summary>
internal sealed record ReadCost(TimeSpan Duration, long PageLoads, long Bytes, TimeSpan BrowserCpu)
{
    public double Kilobytes => Bytes / 1024.0;
}
