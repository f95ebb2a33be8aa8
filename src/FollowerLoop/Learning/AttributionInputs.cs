namespace FollowerLoop.Learning;

/// <summary>
/// The posts (weighed by views, or by profile visits when <paramref name="ByVisits"/>) and the follower readings;
/// <paramref name="Views"/>, the same posts by their views whichever weighs them.
/// </summary>
public sealed record AttributionInputs(IReadOnlyList<PostViews> Posts, IReadOnlyList<FollowerReading> Readings, bool ByVisits, IReadOnlyList<PostViews> Views);
