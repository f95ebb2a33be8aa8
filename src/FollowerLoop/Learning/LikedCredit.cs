namespace FollowerLoop.Learning;

/// <summary>
/// The credits, how many posts' likers were listed in full, how many arrivals had liked one of them, and the chances of
/// a like fitted on them (null: the likes were not used).
/// </summary>
public sealed record LikedCredit(IReadOnlyDictionary<string, double?> Followers, int ReadPosts, double Matched, LikeChances? Chances);
