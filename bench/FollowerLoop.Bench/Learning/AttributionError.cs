namespace FollowerLoop.Bench.Learning;

/// <summary>Mean absolute error of each attribution method against the sandbox's true 48-hour gains, over posts both methods attributed.</summary>
internal sealed record AttributionError(double Naive, double EngagementShare, int Posts);
