namespace FollowerLoop.Storage;

/// <summary>
/// How far each estimate was from the follows X reported, over the posts that have both: mean absolute error in
/// followers per post (null when no post has that estimate).
/// </summary>
public sealed record EstimateErrors(int Posts, double? EngagementShare, double? OverlapShared, double? Naive);
