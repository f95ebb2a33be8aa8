using System.Globalization;
using System.Text.Json;

namespace FollowerLoop.Bench.Scrape;

internal sealed record ScrapeResult(int Reads, WarmResult Warm, ColdResult Cold, CheckpointCosts Checkpoints, IReadOnlyList<DailyFigure> PerDay)
{
    private AnalyticsRead Analytics => Warm.Analytics;

    public async Task WriteTableAsync(TextWriter output)
    {
        await output.WriteLineAsync($"scrape: {Reads} reads of each kind; warm = one long-lived browser, context and pages + saved session, cold = a client and browser per read");
        await output.WriteLineAsync($"{"read",-18}{"p50 ms",10}{"p95 ms",10}{"KB",10}{"CPU ms",10}");
        foreach (var (name, timings, costs) in Rows())
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{name,-18}{timings.Percentile(50),10:0.0}{timings.Percentile(95),10:0.0}{costs?.MeanKilobytes,10:0.0}{costs?.MeanCpuMilliseconds,10:0}"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"browser peak memory over the Chromium process tree: warm {Warm.BrowserPeak.ProportionalMegabytes:0.0} MB PSS ({Warm.BrowserPeak.ResidentMegabytes:0.0} MB summed RSS), cold {Cold.BrowserPeak.ProportionalMegabytes:0.0} MB PSS ({Cold.BrowserPeak.ResidentMegabytes:0.0} MB summed RSS)"));
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Analytics, warm: {Analytics.PostsRead} of {Analytics.PostsAsked} posts of the last 40 h read with {Analytics.Cost.PageLoads} page load(s) in {Analytics.Cost.Duration.TotalMilliseconds:0} ms, {Analytics.Cost.Kilobytes:0.0} KB, {Analytics.Cost.BrowserCpu.TotalMilliseconds:0} ms browser CPU"));
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{Checkpoints.Checkpoints} checkpoints due together (metrics of each post + one profile read); API against the sandbox's X API answering after {Checkpoints.ApiLatency.TotalMilliseconds:0} ms; browser estimated from the warm reads above"));
        await output.WriteLineAsync($"{"per 100 checkpoints",-26}{"X calls",10}{"ms",12}");
        foreach (var (name, calls, milliseconds) in CheckpointRows())
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{name,-26}{calls,10}{milliseconds,12:0.0}"));
        }

        await output.WriteLineAsync($"per day at {DailyReads.PostsPerDay} posts a day ({DailyReads.PostsUnder48Hours} under 48 h, Analytics {DailyReads.AnalyticsRunsPerDay} runs, {DailyReads.CheckpointReads} checkpoints); before = a page or request per post at each Analytics run");
        await output.WriteLineAsync($"{"per day",-26}{"before",12}{"after",12}");
        foreach (var figure in PerDay)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{figure.Name,-26}{figure.Before,12:0.##}{figure.After,12:0.##}"));
        }
    }

    public string ToJson()
    {
        var json = new Dictionary<string, object>
        {
            ["bench"] = "scrape",
            ["reads"] = Reads,
            ["warm_metrics_ms_p50"] = Round(Warm.Metrics.Durations.Percentile(50)),
            ["warm_metrics_ms_p95"] = Round(Warm.Metrics.Durations.Percentile(95)),
            ["cold_metrics_ms_p50"] = Round(Cold.Metrics.Percentile(50)),
            ["cold_metrics_ms_p95"] = Round(Cold.Metrics.Percentile(95)),
            ["warm_profile_ms_p50"] = Round(Warm.Profile.Durations.Percentile(50)),
            ["warm_profile_ms_p95"] = Round(Warm.Profile.Durations.Percentile(95)),
            ["cold_profile_ms_p50"] = Round(Cold.Profile.Percentile(50)),
            ["cold_profile_ms_p95"] = Round(Cold.Profile.Percentile(95)),
            ["browser_peak_mb"] = Round(Warm.BrowserPeak.ProportionalMegabytes),
            ["browser_peak_rss_sum_mb"] = Round(Warm.BrowserPeak.ResidentMegabytes),
            ["cold_browser_peak_mb"] = Round(Cold.BrowserPeak.ProportionalMegabytes),
            ["cold_browser_peak_rss_sum_mb"] = Round(Cold.BrowserPeak.ResidentMegabytes),
            ["analytics_posts_asked"] = Analytics.PostsAsked,
            ["analytics_posts_read"] = Analytics.PostsRead,
            ["analytics_page_loads_per_run"] = Analytics.Cost.PageLoads,
            ["analytics_read_ms"] = Round(Analytics.Cost.Duration.TotalMilliseconds),
            ["analytics_read_kb"] = Round(Analytics.Cost.Kilobytes),
            ["metrics_read_kb"] = Round(Warm.Metrics.MeanKilobytes),
            ["profile_read_kb"] = Round(Warm.Profile.MeanKilobytes),
            ["timeline_read_kb"] = Round(Analytics.Cost.Kilobytes),
            ["metrics_read_cpu_ms"] = Round(Warm.Metrics.MeanCpuMilliseconds),
            ["profile_read_cpu_ms"] = Round(Warm.Profile.MeanCpuMilliseconds),
            ["timeline_read_cpu_ms"] = Round(Analytics.Cost.BrowserCpu.TotalMilliseconds),
            ["api_latency_ms"] = Round(Checkpoints.ApiLatency.TotalMilliseconds),
            ["browser_calls_per_100_checkpoints"] = Per100(Checkpoints.BrowserCalls),
            ["browser_ms_per_100_checkpoints_estimated"] = Round(Per100(Checkpoints.BrowserMilliseconds)),
            ["api_requests_per_100_checkpoints"] = Per100(Checkpoints.ApiRequests),
            ["api_ms_per_100_checkpoints"] = Round(Per100(Checkpoints.ApiMilliseconds)),
            ["api_unbatched_requests_per_100_checkpoints"] = Per100(Checkpoints.ApiUnbatchedRequests),
            ["api_unbatched_ms_per_100_checkpoints"] = Round(Per100(Checkpoints.ApiUnbatchedMilliseconds)),
        };
        foreach (var figure in PerDay)
        {
            json[$"{figure.Key}_before"] = Math.Round(figure.Before, 3);
            json[$"{figure.Key}_after"] = Math.Round(figure.After, 3);
        }

        return JsonSerializer.Serialize(json);
    }

    private static double Round(double value) => Math.Round(value, 1);

    private double Per100(double value) => value * 100 / Checkpoints.Checkpoints;

    private IEnumerable<(string Name, double Calls, double Milliseconds)> CheckpointRows() =>
    [
        ("browser, warm (estimated)", Per100(Checkpoints.BrowserCalls), Per100(Checkpoints.BrowserMilliseconds)),
        ("API, batched", Per100(Checkpoints.ApiRequests), Per100(Checkpoints.ApiMilliseconds)),
        ("API, one call per post", Per100(Checkpoints.ApiUnbatchedRequests), Per100(Checkpoints.ApiUnbatchedMilliseconds)),
    ];

    /// <summary>Reads with their costs where they were measured (warm reads only: a cold read's browser exits with it).</summary>
    private IEnumerable<(string Name, Timings Timings, ReadCosts? Costs)> Rows() =>
    [
        ("metrics, warm", Warm.Metrics.Durations, Warm.Metrics),
        ("metrics, cold", Cold.Metrics, null),
        ("profile, warm", Warm.Profile.Durations, Warm.Profile),
        ("profile, cold", Cold.Profile, null),
    ];
}
