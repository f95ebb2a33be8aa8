namespace FollowerLoop.Learning;

/// <summary>
/// The engagement-share method's result: followers per post (null when the post has no measured views or
/// no follower reading after it), what each was due, and the fit behind it.
/// </summary>
/// <param name="Due">
/// What each post was due by its reach under the fit (its delayed views, or visits, × its format's conversion), without
/// its share of what the fit did not expect: the credit less the post's luck and the organic churn's noise, never below
/// zero; null where <paramref name="Followers"/> is.
/// </param>
/// <param name="DriftPerHour">Organic follower change per hour, removed before sharing.</param>
/// <param name="LagHours">How far follows trail views on average (the dead time plus the spread of the delay that predicted the follower series best).</param>
/// <param name="ReachExponent">How a post's conversion scales with its reach: its views weigh (views / the typical post's)^(exponent − 1) more; 1 is proportional.</param>
/// <param name="FollowsPerThousandViews">The fitted conversion per format: a post's weight is its (lagged) views, scaled by its reach, times its format's conversion.</param>
/// <param name="Intervals">Follower-series intervals the fit used.</param>
/// <param name="Weights">The fit over time: what each post was expected to bring in any window.</param>
public sealed record AttributionEstimate(
    IReadOnlyDictionary<string, double?> Followers,
    IReadOnlyDictionary<string, double?> Due,
    double DriftPerHour,
    double LagHours,
    double ReachExponent,
    IReadOnlyDictionary<string, double> FollowsPerThousandViews,
    int Intervals,
    ArrivalWeights Weights);
