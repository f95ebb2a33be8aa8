using FollowerLoop.X;
using FollowerLoop.X.Browser;
using Microsoft.Extensions.DependencyInjection;

namespace FollowerLoop.Bench.Scrape;

/// <summary>
/// The worker's way: one client (its long-lived browser, context and warm pages) for every read. Metrics and profile reads
/// in turn, then one Analytics run's read of all the posts at once; each read's bytes and CPU measured.
/// </summary>
internal static class WarmReads
{
    public static async Task<WarmResult> RunAsync(Dictionary<string, string?> settings, string handle, IReadOnlyList<string> postIds, int reads, BrowserUsage usage, CancellationToken cancellationToken)
    {
        var host = ClientHosts.Build(settings);
        try
        {
            var client = host.Services.GetRequiredService<IXClient>();
            await client.GetProfileAsync(handle, cancellationToken); // logs in, saves the session, launches the browser
            var meter = new ReadCostMeter(usage);
            var metrics = new ReadCosts();
            var profile = new ReadCosts();
            await using var memory = BrowserMemory.StartSampling();
            for (var i = 0; i < reads; i++)
            {
                var postId = postIds[i % postIds.Count];
                metrics.Add((await meter.MeasureAsync(() => client.GetTweetMetricsAsync(handle, postId, cancellationToken))).Cost);
                profile.Add((await meter.MeasureAsync(() => client.GetProfileAsync(handle, cancellationToken))).Cost);
            }

            var (read, cost) = await meter.MeasureAsync(() => client.GetRecentMetricsAsync(handle, postIds, cancellationToken));
            var postsRead = read.Select(post => post.TweetId).Intersect(postIds, StringComparer.Ordinal).Count();
            return new WarmResult(metrics, profile, new AnalyticsRead(postIds.Count, postsRead, cost), memory.Peak);
        }
        finally
        {
            await ClientHosts.DisposeAsync(host);
        }
    }
}
