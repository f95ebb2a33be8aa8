namespace FollowerLoop.Followers;

/// <summary>A post's credited arrivals: followers gained (the sum of shares), how they fared after a week, and their share-weighted mean quality.</summary>
public sealed record CreditedPost(string PostId, DateTimeOffset PostedAt, string Text, double Gained, RetentionTally AfterWeek, double MeanQuality)
{
    /// <summary>The shares of those still following after 7 days; null while none of its arrivals is known either way.</summary>
    public double? Retained => AfterWeek.Share is null ? null : AfterWeek.Retained;

    /// <summary>
    /// The followers it brought who stayed a week, estimated as those gained times the kept share of the arrivals whose
    /// fate is known (counting only the known would undercount a post whose later arrivals no pass has judged yet);
    /// null until the fates of at least half of them are known.
    /// </summary>
    public double? Kept => AfterWeek.Share is { } share && AfterWeek.Retained + AfterWeek.Gone >= Gained / 2 ? Gained * share : null;
}
