using System.Globalization;
using System.Text.Json;

namespace FollowerLoop.Bench.Dashboard;

internal sealed record DashboardResult(int Posts, int Runs, TimeSpan FillTime, IReadOnlyList<PageTiming> Pages)
{
    public const double TargetMs = 300;

    /// <summary>The slowest page's load time: its median over the warm loads, so one stall of a busy machine does not decide it.</summary>
    public double MaxPageMs => Pages.Max(p => p.MedianMs);

    public double WorstLoadMs => Pages.Max(p => p.MaxMs);

    public async Task WriteTableAsync(TextWriter output)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"dashboard: {Posts:#,0} posts (filled in {FillTime.TotalSeconds:0.0} s); each page loaded warm {Runs} times over HTTP on loopback"));
        await output.WriteLineAsync($"{"page",-26}{"median ms",10}{"max ms",10}{"KB",8}  path");
        foreach (var page in Pages)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{page.Name,-26}{page.MedianMs,10:0.0}{page.MaxMs,10:0.0}{page.Bytes / 1024.0,8:0.0}  {page.Path}"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"slowest page (median): {MaxPageMs:0.0} ms, target under {TargetMs:0} ms: {(MaxPageMs < TargetMs ? "met" : "MISSED")}; worst single load {WorstLoadMs:0.0} ms"));
    }

    public string ToJson() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["bench"] = "dashboard",
        ["posts"] = Posts,
        ["runs"] = Runs,
        ["max_page_ms"] = Round(MaxPageMs),
        ["worst_load_ms"] = Round(WorstLoadMs),
        ["target_ms"] = TargetMs,
        ["pages"] = Pages.ToDictionary(p => p.Name, p => new Dictionary<string, double> { ["median_ms"] = Round(p.MedianMs), ["max_ms"] = Round(p.MaxMs), ["kb"] = Round(p.Bytes / 1024.0) }),
    });

    private static double Round(double value) => Math.Round(value, 1);
}
