namespace FollowerLoop.Bench.Scrape;

/// <summary>Durations of the cold reads (a client and browser per read) and the browser's peak memory during them.</summary>
internal sealed record ColdResult(Timings Metrics, Timings Profile, BrowserPeak BrowserPeak);
