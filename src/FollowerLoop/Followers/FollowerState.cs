namespace FollowerLoop.Followers;

/// <summary>What the passes so far know: the followers still following (user id → list position) and when passes last ran.</summary>
public sealed record FollowerState(IReadOnlyDictionary<string, long> Current, DateTimeOffset? LastPassAt, DateTimeOffset? LastFullPassAt);
