namespace FollowerLoop.Bench.Dashboard;

/// <summary>A generated post and the 48h like count its checkpoints grow towards.</summary>
internal sealed record BenchPost(int Index, Guid DecisionId, string PostId, DateTimeOffset PostedAt, string Kind, string Text, string? Format, string? Topic, string? Hook, long Likes);
