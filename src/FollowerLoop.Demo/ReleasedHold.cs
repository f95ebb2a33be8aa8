namespace FollowerLoop.Demo;

/// <summary>A reading the clock stopped for, given up after <paramref name="After"/> (real time) without it in Postgres.</summary>
internal sealed record ReleasedHold(string PostId, string Phase, TimeSpan After);
