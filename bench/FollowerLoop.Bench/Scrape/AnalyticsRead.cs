namespace FollowerLoop.Bench.Scrape;

/// <summary>One Analytics run's read through the warm browser: the metrics of <paramref name="PostsAsked"/> recent posts at once.</summary>
internal sealed record AnalyticsRead(int PostsAsked, int PostsRead, ReadCost Cost);
