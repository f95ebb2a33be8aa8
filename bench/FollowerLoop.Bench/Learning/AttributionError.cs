namespace FollowerLoop.Bench.Learning;

/// <summary>
/// Mean absolute error of each attribution method against the sandbox's true 48-hour gains, over posts every method
/// attributed; <paramref name="Reported"/> over those X's own counts were stored for (<c>--reads Enterprise</c>), else null.
/// <paramref name="Floor"/>: the same posts' error had each been credited what it was due given its reach (the sandbox's
/// <c>ExpectedNetGivenReach</c>): only the draws of its follows are unknown to such an estimate. <paramref name="LikersFloor"/>,
/// where FollowerLoop sees who liked its posts (API reads and the Followers job), else null: the same, and each post
/// whose likers X listed in full credited the followers it brought who liked it at their number, the rest of its follows
/// at what they were due (its due less the followers' chance of a like times its due follows): the expected gain given
/// both, about what an estimate that uses the likes can reach. <paramref name="Compared"/>, with <c>--compare</c>: engagement
/// share replayed on the run's data by the job's rules and by the compared ones (<see cref="AttributionComparison"/>).
/// </summary>
internal sealed record AttributionError(
    double Naive, double OverlapShared, double EngagementShare, double Floor, int Posts, double? Reported = null, double? LikersFloor = null, ComparedAttribution? Compared = null);
