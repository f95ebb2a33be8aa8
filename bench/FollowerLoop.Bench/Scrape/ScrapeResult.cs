using System.Globalization;
using System.Text.Json;

namespace FollowerLoop.Bench.Scrape;

internal sealed record ScrapeResult(
    int Reads,
    Timings WarmMetrics,
    Timings ColdMetrics,
    Timings WarmProfile,
    Timings ColdProfile,
    double WarmBrowserPeakMegabytes,
    double ColdBrowserPeakMegabytes,
    CheckpointCosts Checkpoints)
{
    public async Task WriteTableAsync(TextWriter output)
    {
        await output.WriteLineAsync($"scrape: {Reads} reads of each kind; warm = one long-lived browser + saved session, cold = a browser launched per read");
        await output.WriteLineAsync($"{"read",-18}{"p50 ms",10}{"p95 ms",10}");
        foreach (var (name, timings) in Rows())
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{name,-18}{timings.Percentile(50),10:0.0}{timings.Percentile(95),10:0.0}"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"browser peak RSS: warm {WarmBrowserPeakMegabytes:0.0} MB, cold {ColdBrowserPeakMegabytes:0.0} MB (sum over the Chromium process tree)"));
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{Checkpoints.Checkpoints} checkpoints due together (metrics of each post + one profile read); API against a fake X API answering after {Checkpoints.ApiLatency.TotalMilliseconds:0} ms; browser estimated from the warm reads above"));
        await output.WriteLineAsync($"{"per 100 checkpoints",-26}{"X calls",10}{"ms",12}");
        foreach (var (name, calls, milliseconds) in CheckpointRows())
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{name,-26}{calls,10}{milliseconds,12:0.0}"));
        }
    }

    public string ToJson() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["bench"] = "scrape",
        ["reads"] = Reads,
        ["warm_metrics_ms_p50"] = Round(WarmMetrics.Percentile(50)),
        ["warm_metrics_ms_p95"] = Round(WarmMetrics.Percentile(95)),
        ["cold_metrics_ms_p50"] = Round(ColdMetrics.Percentile(50)),
        ["cold_metrics_ms_p95"] = Round(ColdMetrics.Percentile(95)),
        ["warm_profile_ms_p50"] = Round(WarmProfile.Percentile(50)),
        ["warm_profile_ms_p95"] = Round(WarmProfile.Percentile(95)),
        ["cold_profile_ms_p50"] = Round(ColdProfile.Percentile(50)),
        ["cold_profile_ms_p95"] = Round(ColdProfile.Percentile(95)),
        ["browser_peak_mb"] = Round(WarmBrowserPeakMegabytes),
        ["cold_browser_peak_mb"] = Round(ColdBrowserPeakMegabytes),
        ["api_latency_ms"] = Round(Checkpoints.ApiLatency.TotalMilliseconds),
        ["browser_calls_per_100_checkpoints"] = Per100(Checkpoints.BrowserCalls),
        ["browser_ms_per_100_checkpoints_estimated"] = Round(Per100(Checkpoints.BrowserMilliseconds)),
        ["api_requests_per_100_checkpoints"] = Per100(Checkpoints.ApiRequests),
        ["api_ms_per_100_checkpoints"] = Round(Per100(Checkpoints.ApiMilliseconds)),
        ["api_unbatched_requests_per_100_checkpoints"] = Per100(Checkpoints.ApiUnbatchedRequests),
        ["api_unbatched_ms_per_100_checkpoints"] = Round(Per100(Checkpoints.ApiUnbatchedMilliseconds)),
    });

    private static double Round(double value) => Math.Round(value, 1);

    private double Per100(double value) => value * 100 / Checkpoints.Checkpoints;

    private IEnumerable<(string Name, double Calls, double Milliseconds)> CheckpointRows() =>
    [
        ("browser, warm (estimated)", Per100(Checkpoints.BrowserCalls), Per100(Checkpoints.BrowserMilliseconds)),
        ("API, batched", Per100(Checkpoints.ApiRequests), Per100(Checkpoints.ApiMilliseconds)),
        ("API, one call per post", Per100(Checkpoints.ApiUnbatchedRequests), Per100(Checkpoints.ApiUnbatchedMilliseconds)),
    ];

    private IEnumerable<(string Name, Timings Timings)> Rows() =>
    [
        ("metrics, warm", WarmMetrics),
        ("metrics, cold", ColdMetrics),
        ("profile, warm", WarmProfile),
        ("profile, cold", ColdProfile),
    ];
}
