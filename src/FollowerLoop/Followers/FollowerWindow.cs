namespace FollowerLoop.Followers;

/// <summary>
/// What the passes saw in a window: its arrivals and their fates, how many of them have engaged with the account since
/// (replied, mentioned, quoted), its departures, the followers known now, the last pass.
/// </summary>
public sealed record FollowerWindow(
    IReadOnlyList<(DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, DateTimeOffset? LeftAt)> Arrivals,
    int Engaged,
    int Departures,
    int Following,
    (DateTimeOffset At, string Kind)? LastPass)
{
    /// <summary>The arrivals' fates <paramref name="days"/> after they were first listed.</summary>
    public RetentionTally RetentionAt(int days) =>
        Arrivals.Aggregate(RetentionTally.None, (tally, a) => tally.Add(FollowerRetention.At(days, a.FirstSeenAt, a.LastSeenAt, a.LeftAt)));
}
