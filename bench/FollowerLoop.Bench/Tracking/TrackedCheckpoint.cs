namespace FollowerLoop.Bench.Tracking;

/// <summary>One checkpoint of a benchmark post: when it was due and when (if ever) it was measured, in virtual time.</summary>
internal sealed record TrackedCheckpoint(string PostId, string Phase, DateTimeOffset DueAt, DateTimeOffset? CheckedAt);
