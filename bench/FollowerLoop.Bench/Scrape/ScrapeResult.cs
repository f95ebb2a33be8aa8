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
    double ColdBrowserPeakMegabytes)
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
    });

    private static double Round(double value) => Math.Round(value, 1);

    private IEnumerable<(string Name, Timings Timings)> Rows() =>
    [
        ("metrics, warm", WarmMetrics),
        ("metrics, cold", ColdMetrics),
        ("profile, warm", WarmProfile),
        ("profile, cold", ColdProfile),
    ];
}
