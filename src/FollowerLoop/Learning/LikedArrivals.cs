namespace FollowerLoop.Learning;

/// <summary>
/// Engagement share's estimates sharpened by the new followers who had liked a post before following: those follows
/// are certain, and they stand for the same share of every post's follows. That share is the matched arrivals over the
/// estimated follows of the posts whose likers X listed in full; each such post is credited its matched arrivals plus
/// its estimate less that share of its estimated follows (a net loss, from unfollows, is kept whole). Posts whose likers
/// were not read, or not all listed, keep their estimate. Offline, a third of the follows matched took the built-in
/// audience's error from 0.44 to 0.31 of overlap-shared's (README, Learning: trials).
/// </summary>
public static class LikedArrivals
{
    /// <summary>Fewer fully listed posts than this tell the share too poorly; the estimates are kept.</summary>
    public const int MinReadPosts = 10;

    /// <summary>Each post's arrivals among <paramref name="liked"/> (user → the posts sharing them alike, <see cref="Storage.LikerStore.GetLikedArrivalsAsync"/>).</summary>
    public static Dictionary<string, double> PerPost(IReadOnlyDictionary<string, string[]> liked) =>
        liked.Values.SelectMany(Shares)
            .GroupBy(p => p.PostId, StringComparer.Ordinal)
            .ToDictionary(p => p.Key, p => p.Sum(s => s.Share), StringComparer.Ordinal);

    /// <summary>How much of one arrival each of the posts they liked is credited: alike (the likes cannot tell which brought them).</summary>
    public static IEnumerable<(string PostId, double Share)> Shares(string[] postIds) => postIds.Select(postId => (postId, 1.0 / postIds.Length));

    /// <param name="listed">The posts whose likers X listed in full.</param>
    /// <param name="matched">Each post's arrivals who had liked it (<see cref="PerPost"/>).</param>
    public static LikedCredit Sharpen(IReadOnlyDictionary<string, double?> estimates, IReadOnlySet<string> listed, IReadOnlyDictionary<string, double> matched)
    {
        var credited = new Dictionary<string, double?>(estimates, StringComparer.Ordinal);
        var readPosts = estimates.Where(e => listed.Contains(e.Key) && e.Value is not null).Select(e => (PostId: e.Key, Estimate: e.Value!.Value)).ToList();
        var estimated = readPosts.Sum(p => Math.Max(0, p.Estimate));
        var arrivals = readPosts.Sum(p => matched.GetValueOrDefault(p.PostId));
        if (readPosts.Count < MinReadPosts || estimated <= 0)
        {
            return new LikedCredit(credited, readPosts.Count, arrivals, null);
        }

        var share = Math.Min(1, arrivals / estimated);
        foreach (var (postId, estimate) in readPosts)
        {
            credited[postId] = matched.GetValueOrDefault(postId) + estimate - (share * Math.Max(0, estimate));
        }

        return new LikedCredit(credited, readPosts.Count, arrivals, share);
    }
}

/// <summary>The credits, how many posts' likers were listed in full, how many arrivals matched, and the share of follows they stand for (null: not used).</summary>
public sealed record LikedCredit(IReadOnlyDictionary<string, double?> Followers, int ReadPosts, double Matched, double? Share);
