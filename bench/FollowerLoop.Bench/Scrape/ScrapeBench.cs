using System.Diagnostics;
using FollowerLoop.Sandbox;
using FollowerLoop.X;
using FollowerLoop.X.Browser;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FollowerLoop.Bench.Scrape;

/// <summary>
/// Runs the reads against the sandbox started in-process. Warm: the worker's way, one client and
/// its long-lived browser for every read. Cold: the naive way, a new client (Playwright driver and
/// browser launch) per read. Both reuse the session saved once at the start, so neither logs in.
/// Then the cost of 100 checkpoints, browser against the official API (<see cref="ApiScrapeBench"/>).
/// </summary>
internal static class ScrapeBench
{
    private const string Handle = "bench_account";
    private const int Posts = 5;
    private static readonly TimeSpan MemorySampling = TimeSpan.FromMilliseconds(50);

    public static async Task<ScrapeResult> RunAsync(int reads, TextWriter progress, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("followerloop-bench-scrape-");
        var sandboxOptions = new SandboxOptions
        {
            Urls = "http://127.0.0.1:0",
            Handle = Handle,
            Password = $"bench-{Guid.NewGuid():N}",
            AdminToken = $"bench-{Guid.NewGuid():N}",
        };
        // The sandbox logs each request at Information; the bench's output is its table.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        var sandbox = SandboxApp.Build(sandboxOptions);
        await sandbox.StartAsync(cancellationToken);
        try
        {
            var world = SandboxApp.GetWorld(sandbox);
            var postIds = Enumerable.Range(1, Posts).Select(n => world.Publish($"Benchmark post {n}: what a warm browser saves, read {n} times.").Id).ToList();
            var settings = ClientSettings(SandboxApp.GetBaseAddress(sandbox), sandboxOptions.Password, Path.Combine(directory.FullName, "session.json"));
            await progress.WriteLineAsync($"sandbox at {SandboxApp.GetBaseAddress(sandbox)}; {reads} reads per row");

            var warmMetrics = new Timings();
            var warmProfile = new Timings();
            double warmPeak;
            using (var warm = BuildClientHost(settings))
            {
                var client = warm.Services.GetRequiredService<IXClient>();
                await client.GetProfileAsync(Handle, cancellationToken); // logs in, saves the session, launches the browser
                await using var memory = BrowserMemory.StartSampling(MemorySampling);
                for (var i = 0; i < reads; i++)
                {
                    warmMetrics.Add(await TimeAsync(() => client.GetTweetMetricsAsync(Handle, postIds[i % Posts], cancellationToken)));
                    warmProfile.Add(await TimeAsync(() => client.GetProfileAsync(Handle, cancellationToken)));
                }

                warmPeak = memory.PeakMegabytes;
            }

            var coldMetrics = new Timings();
            var coldProfile = new Timings();
            double coldPeak;
            await using (var memory = BrowserMemory.StartSampling(MemorySampling))
            {
                for (var i = 0; i < reads; i++)
                {
                    coldMetrics.Add(await TimeColdAsync(settings, client => client.GetTweetMetricsAsync(Handle, postIds[i % Posts], cancellationToken)));
                    coldProfile.Add(await TimeColdAsync(settings, client => client.GetProfileAsync(Handle, cancellationToken)));
                }

                coldPeak = memory.PeakMegabytes;
            }

            await progress.WriteLineAsync($"API: {ApiScrapeBench.Checkpoints} checkpoints against a fake X API ({ApiScrapeBench.SimulatedLatency.TotalMilliseconds:0} ms per request)");
            var batched = await ApiScrapeBench.RunAsync(batched: true, directory, cancellationToken);
            var unbatched = await ApiScrapeBench.RunAsync(batched: false, directory, cancellationToken);
            // The browser reads one post per page load: 100 checkpoints cost 100 metrics reads and one profile read, as measured warm.
            var costs = new CheckpointCosts(
                ApiScrapeBench.Checkpoints,
                ApiScrapeBench.SimulatedLatency,
                ApiScrapeBench.Checkpoints + 1,
                (ApiScrapeBench.Checkpoints * warmMetrics.Mean()) + warmProfile.Mean(),
                batched.Requests,
                batched.Milliseconds,
                unbatched.Requests,
                unbatched.Milliseconds);
            return new ScrapeResult(reads, warmMetrics, coldMetrics, warmProfile, coldProfile, warmPeak, coldPeak, costs);
        }
        finally
        {
            await sandbox.StopAsync(CancellationToken.None);
            await sandbox.DisposeAsync();
            directory.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string?> ClientSettings(Uri baseUrl, string password, string sessionPath) => new()
    {
        ["XClient:BaseUrl"] = baseUrl.ToString(),
        ["XClient:Handle"] = Handle,
        ["XClient:Username"] = Handle,
        ["XClient:Password"] = password,
        ["XClient:StorageStatePath"] = sessionPath,
    };

    /// <summary>The client as the worker wires it (AddXClient), silent: no log providers.</summary>
    private static IHost BuildClientHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddXClient();
        return builder.Build();
    }

    private static async Task<TimeSpan> TimeColdAsync<T>(Dictionary<string, string?> settings, Func<IXClient, Task<T>> read)
    {
        var started = Stopwatch.GetTimestamp();
        using var host = BuildClientHost(settings);
        await read(host.Services.GetRequiredService<IXClient>());
        await host.Services.GetRequiredService<BrowserHost>().DisposeAsync();
        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task<TimeSpan> TimeAsync<T>(Func<Task<T>> read)
    {
        var started = Stopwatch.GetTimestamp();
        await read();
        return Stopwatch.GetElapsedTime(started);
    }
}
