using FollowerLoop.Sandbox;
using FollowerLoop.Sandbox.Clock;
using FollowerLoop.Sandbox.World;
using FollowerLoop.X.Browser;

namespace FollowerLoop.Bench.Scrape;

/// <summary>
/// Runs the reads against the sandbox started in-process, on a stepped clock so that its posts can be spread over the last
/// 40 hours: warm (<see cref="WarmReads"/>, with one Analytics run's read of every post) and cold (<see cref="ColdReads"/>).
/// Both reuse the session saved once at the start, so neither logs in after it. Then the cost of 100 checkpoints, browser
/// against the official API (<see cref="ApiScrapeBench"/>), and a day's reads before and after issue #14 (<see cref="DailyReads"/>).
/// </summary>
internal static class ScrapeBench
{
    private const string Handle = "bench_account";
    private const int Posts = 30;
    private static readonly TimeSpan PostsSpan = TimeSpan.FromHours(40);

    public static async Task<ScrapeResult> RunAsync(int reads, TextWriter progress, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("followerloop-bench-scrape-");
        var sandboxOptions = new SandboxOptions
        {
            Urls = "http://127.0.0.1:0",
            Handle = Handle,
            Password = $"bench-{Guid.NewGuid():N}",
            AdminToken = $"bench-{Guid.NewGuid():N}",
            Clock = SandboxClockMode.Stepped,
            // The sandbox's now ends at the real now: its session cookies expire when they would on x.com.
            Epoch = DateTimeOffset.UtcNow - PostsSpan,
        };
        // The sandbox logs each request at Information; the bench's output is its table.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        var sandbox = SandboxApp.Build(sandboxOptions);
        await sandbox.StartAsync(cancellationToken);
        try
        {
            var baseAddress = SandboxApp.GetBaseAddress(sandbox);
            var postIds = PublishSpread(SandboxApp.GetWorld(sandbox));
            var settings = ClientHosts.Settings(baseAddress, Handle, sandboxOptions.Password, Path.Combine(directory.FullName, "session.json"));
            await progress.WriteLineAsync($"sandbox at {baseAddress}; {Posts} posts over the last {PostsSpan.TotalHours:0} h; {reads} reads per row");

            WarmResult warm;
            // Listening before the client exists: it counts bytes only on pages made while someone listens.
            using (var usage = new BrowserUsage(baseAddress))
            {
                warm = await WarmReads.RunAsync(settings, Handle, postIds, reads, usage, cancellationToken);
            }

            var cold = await ColdReads.RunAsync(settings, Handle, postIds, reads, cancellationToken);

            await progress.WriteLineAsync($"API: {ApiScrapeBench.Checkpoints} checkpoints against a fake X API ({ApiScrapeBench.SimulatedLatency.TotalMilliseconds:0} ms per request)");
            var batched = await ApiScrapeBench.RunAsync(batched: true, directory, cancellationToken);
            var unbatched = await ApiScrapeBench.RunAsync(batched: false, directory, cancellationToken);
            // The browser reads one post per page load: 100 checkpoints cost 100 metrics reads and one profile read, as measured warm.
            var costs = new CheckpointCosts(
                ApiScrapeBench.Checkpoints,
                ApiScrapeBench.SimulatedLatency,
                ApiScrapeBench.Checkpoints + 1,
                (ApiScrapeBench.Checkpoints * warm.Metrics.Durations.Mean()) + warm.Profile.Durations.Mean(),
                batched.Requests,
                batched.Milliseconds,
                unbatched.Requests,
                unbatched.Milliseconds);
            var perDay = DailyReads.Figures(warm.Metrics, warm.Profile, warm.Analytics.Cost, warm.Analytics.Cost.PageLoads);
            return new ScrapeResult(reads, warm, cold, costs, perDay);
        }
        finally
        {
            await sandbox.StopAsync(CancellationToken.None);
            await sandbox.DisposeAsync();
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Publishes the posts evenly from the epoch on, and moves the clock to the end of the span (the real now).</summary>
    private static List<string> PublishSpread(SandboxWorld world)
    {
        var clock = (SteppedTimeProvider)world.Clock;
        var spacing = PostsSpan / Posts;
        var ids = new List<string>(Posts);
        for (var n = 1; n <= Posts; n++)
        {
            ids.Add(world.Publish($"Benchmark post {n}: what a warm browser saves, read by the bench.").Id);
            clock.Advance(spacing);
        }

        return ids;
    }
}
