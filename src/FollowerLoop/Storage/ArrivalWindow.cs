namespace FollowerLoop.Storage;

/// <summary>How many followers arrived between two passes: after <paramref name="ArrivedAfter"/>, by <paramref name="FirstSeenAt"/>.</summary>
public sealed record ArrivalWindow(DateTimeOffset ArrivedAfter, DateTimeOffset FirstSeenAt, int Arrivals);
