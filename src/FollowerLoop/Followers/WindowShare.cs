namespace FollowerLoop.Followers;

/// <summary>
/// The part of each arrival of a window (between the passes at <paramref name="ArrivedAfter"/> and
/// <paramref name="FirstSeenAt"/>) credited to a post, for the arrivals that have no credit of their own.
/// </summary>
public sealed record WindowShare(DateTimeOffset ArrivedAfter, DateTimeOffset FirstSeenAt, string PostId, double Share);
