namespace FollowerLoop.Learning;

/// <summary>
/// A post's measured counts of what weighs it in attribution by hours after posting (its checkpoints), oldest first:
/// its views, or its profile visits where X gives them.
/// </summary>
public sealed record PostViews(string PostId, DateTimeOffset PostedAt, string? Format, IReadOnlyList<(double Hours, long Views)> Checkpoints);
