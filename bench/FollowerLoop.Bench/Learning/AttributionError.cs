namespace FollowerLoop.Bench.Learning;

/// <summary>
/// Mean absolute error of each attribution method against the sandbox's true 48-hour gains, over posts every method
/// attributed; <paramref name="Reported"/> over those X's own counts were stored for (<c>--reads Enterprise</c>), else null.
/// </summary>
internal sealed record AttributionError(double Naive, double OverlapShared, double EngagementShare, int Posts, double? Reported = null);
