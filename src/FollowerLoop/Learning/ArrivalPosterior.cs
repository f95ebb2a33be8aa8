namespace FollowerLoop.Learning;

/// <summary>
/// Arrivals of the window between the passes at <paramref name="ArrivedAfter"/> and <paramref name="FirstSeenAt"/> that the
/// likes tell alike: those who liked the same listed posts (<paramref name="UserIds"/>), or the window's others (none
/// named). <paramref name="Shares"/>: how much of each of them each post brought (the rest organic).
/// </summary>
public sealed record ArrivalPosterior(DateTimeOffset ArrivedAfter, DateTimeOffset FirstSeenAt, IReadOnlyList<string> UserIds, IReadOnlyDictionary<string, double> Shares);
