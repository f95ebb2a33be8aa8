using FollowerLoop.Storage;
namespace FollowerLoop.Bench.Dashboard;

/// <summary>A generated checkpoint; a failed one holds no values.</summary>
internal sealed record BenchCheckpoint(BenchPost Post, CheckpointPhase Phase, DateTimeOffset DueAt, DateTimeOffset CheckedAt, int Attempts, bool Failed, long? Likes);
