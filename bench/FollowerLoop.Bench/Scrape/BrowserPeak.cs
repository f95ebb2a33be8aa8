namespace FollowerLoop.Bench.Scrape;

/// <summary>The browser's peak memory: summed proportional set sizes (what it holds) and summed VmRSS (an upper bound).</summary>
internal sealed record BrowserPeak(double ProportionalMegabytes, double ResidentMegabytes);
