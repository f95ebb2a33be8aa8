namespace FollowerLoop.Worker.Dashboard.Growth;

/// <summary>The readings of one time bucket: how many, and the last of them.</summary>
public sealed record ReadingBucket(int N, DateTimeOffset At, long Followers);
