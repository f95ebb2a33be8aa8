namespace FollowerLoop.Learning;

/// <summary>The values of <c>post_attribution.method</c>.</summary>
public static class AttributionMethod
{
    /// <summary>Followers at 48h minus followers before: counts overlapping posts' followers and drift more than once.</summary>
    public const string Naive = "naive";

    /// <summary>Each interval's follower change split equally among the posts live in it: the fair baseline (<see cref="OverlapSharedAttribution"/>).</summary>
    public const string OverlapShared = "overlap_shared";

    /// <summary>Follows minus unfollows as X reports them for the post (<see cref="X.IReportedFollowsReader"/>): the truth where X gives it.</summary>
    public const string Reported = "x_reported";

    /// <summary>Drift removed, each interval's gain shared among the live posts by their (delayed) views and format conversion.</summary>
    public const string EngagementShare = "engagement_share";

    /// <summary>The methods from the one nearest the truth to the crudest: a post's gain is read from the first it has.</summary>
    public static IReadOnlyList<string> BestFirst { get; } = [Reported, EngagementShare, OverlapShared, Naive];
}
