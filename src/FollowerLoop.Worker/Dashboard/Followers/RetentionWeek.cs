using FollowerLoop.Followers;

namespace FollowerLoop.Worker.Dashboard.Followers;

/// <summary>The arrivals first listed in one week (Monday to Sunday, UTC) and how many stayed, per mark of <see cref="FollowerRetention.Days"/>.</summary>
public sealed record RetentionWeek(DateOnly Monday, int Arrivals, IReadOnlyDictionary<int, RetentionTally> After);
