namespace FollowerLoop.Bench.Scrape;

/// <summary>The warm client's reads and the browser's peak memory during them.</summary>
internal sealed record WarmResult(ReadCosts Metrics, ReadCosts Profile, AnalyticsRead Analytics, BrowserPeak BrowserPeak);
