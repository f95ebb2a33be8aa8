using FollowerLoop.Storage;
namespace FollowerLoop.Bench.Learning;

/// <summary>One attempt of a post's checkpoint, due at <paramref name="DueAt"/> on the virtual clock.</summary>
internal sealed record VirtualCheckpoint(string PostId, CheckpointPhase Phase, DateTimeOffset DueAt, int Attempt);
