namespace FollowerLoop.Cache;

/// <summary>What Redis said, if it said anything: <see cref="Answered"/> is false during an outage.</summary>
public readonly record struct Answer<T>(bool Answered, T? Value);
