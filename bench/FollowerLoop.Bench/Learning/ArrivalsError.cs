namespace FollowerLoop.Bench.Learning;

/// <summary>
/// Arrivals credited to posts (the Attribution job, from the Followers job's arrivals) against what each post truly
/// brought: followers gained (every post) and followers kept a week (the posts whose arrivals' fate the passes saw), as
/// mean absolute errors beside the means.
/// </summary>
internal sealed record ArrivalsError(double Gained, double MeanGained, int Posts, double Kept, double MeanKept, int KeptPosts);
