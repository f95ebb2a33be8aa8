namespace FollowerLoop.Followers;

/// <summary>What the passes so far know: how many follow now and when passes last ran.</summary>
public sealed record FollowerState(long Following, DateTimeOffset? LastPassAt, DateTimeOffset? LastFullPassAt);
