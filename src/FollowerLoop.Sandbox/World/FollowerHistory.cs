namespace FollowerLoop.Sandbox.World;

/// <summary>A follower and, when they have left by the roster's time, when they did.</summary>
public sealed record FollowerHistory(SandboxFollower Follower, DateTimeOffset? LeftAt);
