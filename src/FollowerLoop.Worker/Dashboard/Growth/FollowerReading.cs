namespace FollowerLoop.Worker.Dashboard.Growth;

/// <summary>The account's follower count at a moment, from a snapshot or from a post's checkpoint.</summary>
public sealed record FollowerReading(DateTimeOffset At, long Followers, string Source);
