namespace FollowerLoop.Sandbox.World;

/// <summary>The followers a post really brought: by <see cref="AsOf"/> and in total (at 48 hours).</summary>
public sealed record FollowerGain(string PostId, long SoFar, long At48h, DateTimeOffset AsOf);
