namespace FollowerLoop.Sandbox.World;

public sealed record FollowerPoint(DateTimeOffset At, long Followers);
