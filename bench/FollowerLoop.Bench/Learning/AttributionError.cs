namespace FollowerLoop.Bench.Learning;

/// <summary>Mean absolute error of each attribution method against the sandbox's true 48-hour gains, over posts every method attributed.</summary>
internal sealed record AttributionError(double Naive, double OverlapShared, double EngagementShare, int Posts);
