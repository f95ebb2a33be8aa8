using FollowerLoop.X.Browser;

namespace FollowerLoop.Bench.Scrape;

/// <summary>
/// Runs the reads against the sandbox started in-process (<see cref="ScrapeSandbox"/>, its posts spread over the last
/// 40 hours): warm (<see cref="WarmReads"/>, with one Analytics run's read of every post) and cold (<see cref="ColdReads"/>).
/// Both reuse the session saved once at the start, so neither logs in after it. Then the cost of 100 checkpoints, browser
/// against the official API (<see cref="ApiScrapeBench"/>), and a day's reads before and after issue #14 (<see cref="DailyReads"/>).
/// </summary>
internal static class ScrapeBench
{
    private const string Handle = ScrapeSandbox.Handle;
    private const int Posts = 30;
    private static readonly TimeSpan PostsSpan = TimeSpan.FromHours(40);

    public static async Task<ScrapeResult> RunAsync(int reads, TextWriter progress, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("followerloop-bench-scrape-");
        try
        {
            WarmResult warm;
            ColdResult cold;
            await using (var sandbox = await ScrapeSandbox.StartAsync(Posts, PostsSpan, apiLatencyMs: 0, cancellationToken))
            {
                var settings = ClientHosts.Settings(sandbox.BaseAddress, Handle, sandbox.Options.Password, Path.Combine(directory.FullName, "session.json"));
                await progress.WriteLineAsync($"sandbox at {sandbox.BaseAddress}; {Posts} posts over the last {PostsSpan.TotalHours:0} h; {reads} reads per row");

                // Listening before the client exists: it counts bytes only on pages made while someone listens.
                using (var usage = new BrowserUsage(sandbox.BaseAddress))
                {
                    warm = await WarmReads.RunAsync(settings, Handle, sandbox.PostIds, reads, usage, cancellationToken);
                }

                cold = await ColdReads.RunAsync(settings, Handle, sandbox.PostIds, reads, cancellationToken);
            }

            await progress.WriteLineAsync(
                $"API: {ApiScrapeBench.Checkpoints} checkpoints against the sandbox's X API ({ApiScrapeBench.SimulatedLatency.TotalMilliseconds:0} ms per request)");
            var (batched, unbatched) = await ApiScrapeBench.RunAsync(directory, cancellationToken);
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
            directory.Delete(recursive: true);
        }
    }
}
