namespace FollowerLoop.Followers;

/// <summary>
/// The one place that decides whether an arrival stayed <c>d</c> days: the passes only see a follower when they
/// list it (<c>last_seen_at</c>) or find it gone (<c>left_at</c>), so between the two nothing is known.
/// </summary>
public static class FollowerRetention
{
    /// <summary>The days after arrival retention is reported at.</summary>
    public static IReadOnlyList<int> Days { get; } = [1, 7, 30];

    /// <summary>
    /// Retained when a pass listed the follower at least <paramref name="days"/> after it was first seen (whether or
    /// not it left later); gone when it was found gone by then; otherwise unknown (no pass has looked since, or the
    /// departure fell between a listing before the mark and a pass after it).
    /// </summary>
    public static RetentionState At(int days, DateTimeOffset firstSeenAt, DateTimeOffset lastSeenAt, DateTimeOffset? leftAt)
    {
        var mark = firstSeenAt + TimeSpan.FromDays(days);
        if (lastSeenAt >= mark)
        {
            return RetentionState.Retained;
        }

        return leftAt <= mark ? RetentionState.Gone : RetentionState.Unknown;
    }
}
