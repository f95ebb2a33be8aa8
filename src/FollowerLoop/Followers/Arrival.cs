namespace FollowerLoop.Followers;

/// <summary>A follower who arrived between two passes: after <paramref name="ArrivedAfter"/>, by <paramref name="FirstSeenAt"/>.</summary>
public sealed record Arrival(string UserId, DateTimeOffset ArrivedAfter, DateTimeOffset FirstSeenAt);
