using System.Diagnostics;
using FollowerLoop.X;
using Microsoft.Extensions.DependencyInjection;

namespace FollowerLoop.Bench.Scrape;

/// <summary>
/// The naive way: a new client per read, so a Playwright driver and a browser launched per read, and closed with the
/// client's host (its context and pages, then the browser). Each read reuses the saved session, so none logs in.
/// </summary>
internal static class ColdReads
{
    public static async Task<ColdResult> RunAsync(Dictionary<string, string?> settings, string handle, IReadOnlyList<string> postIds, int reads, CancellationToken cancellationToken)
    {
        var metrics = new Timings();
        var profile = new Timings();
        await using var memory = BrowserMemory.StartSampling();
        for (var i = 0; i < reads; i++)
        {
            var postId = postIds[i % postIds.Count];
            metrics.Add(await TimeAsync(settings, client => client.GetTweetMetricsAsync(handle, postId, cancellationToken)));
            profile.Add(await TimeAsync(settings, client => client.GetProfileAsync(handle, cancellationToken)));
        }

        return new ColdResult(metrics, profile, memory.Peak);
    }

    private static async Task<TimeSpan> TimeAsync<T>(Dictionary<string, string?> settings, Func<IXClient, Task<T>> read)
    {
        var started = Stopwatch.GetTimestamp();
        var host = ClientHosts.Build(settings);
        try
        {
            await read(host.Services.GetRequiredService<IXClient>());
        }
        finally
        {
            await ClientHosts.DisposeAsync(host);
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
