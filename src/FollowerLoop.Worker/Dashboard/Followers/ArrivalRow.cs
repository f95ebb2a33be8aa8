using FollowerLoop.Followers;

namespace FollowerLoop.Worker.Dashboard.Followers;

/// <summary>An arrival as the retention rule and the quality bands need it.</summary>
public sealed record ArrivalRow(DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, DateTimeOffset? LeftAt, int Quality)
{
    public RetentionState RetentionAt(int days) => FollowerRetention.At(days, FirstSeenAt, LastSeenAt, LeftAt);
}
