using System.Diagnostics;
using FollowerLoop.X.Browser;

namespace FollowerLoop.Bench.Scrape;

/// <summary>
/// Measures one read at a time: its duration, and the page loads, bytes and Chromium CPU time from before it started until
/// the browser has gone quiet after it (a response's size arrives a little after the read returns). CPU time is summed over
/// the Chromium processes alive at the end; one that exited during the read takes its time with it.
/// </summary>
internal sealed class ReadCostMeter(BrowserUsage usage)
{
    private static readonly TimeSpan QuietFor = TimeSpan.FromMilliseconds(100);
    private const int MostQuietChecks = 20;

    public async Task<(T Result, ReadCost Cost)> MeasureAsync<T>(Func<Task<T>> read)
    {
        var pageLoads = usage.PageLoads;
        var bytes = usage.BytesReceived;
        var cpu = ChromiumProcesses.CpuTimes();
        var started = Stopwatch.GetTimestamp();
        var result = await read();
        var duration = Stopwatch.GetElapsedTime(started);
        await QuietAsync();
        var cpuUsed = ChromiumProcesses.CpuTimes().Sum(process => (process.Value - cpu.GetValueOrDefault(process.Key)).TotalMilliseconds);
        return (result, new ReadCost(duration, usage.PageLoads - pageLoads, usage.BytesReceived - bytes, TimeSpan.FromMilliseconds(cpuUsed)));
    }

    private async Task QuietAsync()
    {
        var bytes = usage.BytesReceived;
        for (var check = 0; check < MostQuietChecks; check++)
        {
            await Task.Delay(QuietFor);
            if (usage.BytesReceived == bytes)
            {
                return;
            }

            bytes = usage.BytesReceived;
        }
    }
}
