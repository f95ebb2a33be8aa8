namespace FollowerLoop.Learning;

/// <summary>A post's measured view counts by hours after posting (its checkpoints), oldest first.</summary>
public sealed record PostViews(string PostId, DateTimeOffset PostedAt, string? Format, IReadOnlyList<(double Hours, long Views)> Checkpoints);
