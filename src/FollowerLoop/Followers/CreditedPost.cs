namespace FollowerLoop.Followers;

/// <summary>
/// A post's credited arrivals: followers gained (the sum of shares), how they fared after a week (by arrival time, and
/// by fate: <see cref="KeptAttribution"/>), and their share-weighted mean quality.
/// </summary>
public sealed record CreditedPost(string PostId, DateTimeOffset PostedAt, string Text, double Gained, RetentionTally AfterWeek, double MeanQuality, RetentionTally AfterWeekByFate)
{
    /// <summary>The shares of those still following after 7 days; null while none of its arrivals is known either way.</summary>
    public double? Retained => AfterWeek.Share is null ? null : AfterWeek.Retained;

    /// <summary>
    /// The followers it brought who stayed a week, what Learn's Retained7d learns: those gained times the kept share of
    /// its known fates as <see cref="KeptAttribution"/> shares them (by arrival time alone, a post whose followers leave
    /// looks almost as good as its neighbours; counting only the known would undercount a post whose later arrivals no
    /// pass has judged yet); null until the fates of at least half of them are known.
    /// </summary>
    public double? Kept => AfterWeekByFate.Share is { } share && AfterWeek.Retained + AfterWeek.Gone >= Gained / 2 ? Gained * share : null;
}
