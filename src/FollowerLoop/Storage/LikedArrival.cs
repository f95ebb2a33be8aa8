namespace FollowerLoop.Storage;

/// <summary>A new follower, dated between two passes, and the account's posts they had liked that were out before they were first listed.</summary>
public sealed record LikedArrival(string UserId, DateTimeOffset ArrivedAfter, DateTimeOffset FirstSeenAt, string[] PostIds);
