namespace FollowerLoop.Learning;

/// <summary>The account's exact follower count at one moment (a snapshot or a checkpoint's reading).</summary>
public sealed record FollowerReading(DateTimeOffset At, long Followers);
