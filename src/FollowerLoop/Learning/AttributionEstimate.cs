namespace FollowerLoop.Learning;

/// <summary>
/// The engagement-share method's result: followers per post (null when the post has no measured views or
/// no follower reading after it), and the fit behind it.
/// </summary>
/// <param name="DriftPerHour">Organic follower change per hour, removed before sharing.</param>
/// <param name="LagHours">How far follows trail views on average (the dead time plus the spread of the delay that predicted the follower series best).</param>
/// <param name="ReachExponent">How a post's conversion scales with its reach: its views weigh (views / the typical post's)^(exponent − 1) more; 1 is proportional.</param>
/// <param name="FollowsPerThousandViews">The fitted conversion per format: a post's weight is its (lagged) views, scaled by its reach, times its format's conversion.</param>
/// <param name="Intervals">Follower-series intervals the fit used.</param>
/// <param name="Weights">The fit over time: what each post was expected to bring in any window.</param>
public sealed record AttributionEstimate(
    IReadOnlyDictionary<string, double?> Followers,
    double DriftPerHour,
    double LagHours,
    double ReachExponent,
    IReadOnlyDictionary<string, double> FollowsPerThousandViews,
    int Intervals,
    ArrivalWeights Weights);
