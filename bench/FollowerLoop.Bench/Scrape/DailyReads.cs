using FollowerLoop.X.Usage;

namespace FollowerLoop.Bench.Scrape;

/// <summary>
/// A day of reads at 10 posts a day, before issue #14 and after, from the warm reads measured. 10 posts a day leave 20 posts
/// under 48 hours; Analytics runs every 30 minutes (48 times a day) and reads all of them; each post has 5 checkpoints
/// (2, 6, 12, 24, 48 h), each a metrics read and a profile read. Before: Analytics read one post per page (browser) or per
/// request (API); after: one timeline read (browser) or one request per 100 posts (API).
/// </summary>
internal static class DailyReads
{
    public const int PostsPerDay = 10;
    public const int PostsUnder48Hours = 2 * PostsPerDay;
    public const int AnalyticsRunsPerDay = 48;
    public const int CheckpointReads = 5 * PostsPerDay;
    public const int ApiIdsPerRequest = 100;

    private const int AnalyticsPostReads = AnalyticsRunsPerDay * PostsUnder48Hours;

    /// <param name="analyticsPageLoads">Page loads of one Analytics run, as measured.</param>
    /// <param name="timeline">The timeline read of that run (it read more posts than 20: an upper bound here).</param>
    public static IReadOnlyList<DailyFigure> Figures(ReadCosts metrics, ReadCosts profile, ReadCost timeline, long analyticsPageLoads)
    {
        // The account's own posts and profile, as XApiUsageClassifier prices them: X bills per post returned, batched or not.
        var price = new XApiPrices().PriceOf(XApiPriceCategory.OwnDataRead);
        // Before, every read is a page load in the browser and a request to the API.
        var oneByOne = AnalyticsPostReads + CheckpointReads + CheckpointReads;
        var apiAfter = (AnalyticsRunsPerDay * (int)Math.Ceiling(PostsUnder48Hours / (double)ApiIdsPerRequest)) + CheckpointReads + CheckpointReads;
        var usd = (double)(oneByOne * price);
        return
        [
            new("browser page loads", "browser_page_loads_per_day", oneByOne, (AnalyticsRunsPerDay * analyticsPageLoads) + CheckpointReads + CheckpointReads),
            new("browser MB", "browser_mb_per_day", Before(metrics.MeanKilobytes, profile.MeanKilobytes) / 1024, After(timeline.Kilobytes, metrics.MeanKilobytes, profile.MeanKilobytes) / 1024),
            new("browser CPU s", "browser_cpu_s_per_day", Before(metrics.MeanCpuMilliseconds, profile.MeanCpuMilliseconds) / 1000, After(timeline.BrowserCpu.TotalMilliseconds, metrics.MeanCpuMilliseconds, profile.MeanCpuMilliseconds) / 1000),
            new("API requests", "api_requests_per_day", oneByOne, apiAfter),
            new("API USD", "api_usd_per_day", usd, usd),
        ];
    }

    private static double Before(double metricsRead, double profileRead) => ((AnalyticsPostReads + CheckpointReads) * metricsRead) + (CheckpointReads * profileRead);

    private static double After(double timelineRead, double metricsRead, double profileRead) => (AnalyticsRunsPerDay * timelineRead) + (CheckpointReads * metricsRead) + (CheckpointReads * profileRead);
}
