namespace FollowerLoop.Learning;

/// <summary>
/// Engagement share's estimates sharpened by the new followers who had liked a post before following: those follows
/// are certain, and they stand for the same share of every post's follows. That share is the matched arrivals over the
/// estimated follows of the posts whose likers were read; each such post is credited its matched arrivals plus the rest
/// of its estimate. Posts whose likers were not read keep their estimate. Offline, a third of the follows matched took
/// the built-in audience's error from 0.44 to 0.31 of overlap-shared's (README, Learning).
/// </summary>
public static class LikedArrivals
{
    /// <summary>Fewer read posts than this tell the share too poorly; the estimates are kept.</summary>
    public const int MinReadPosts = 10;

    public static LikedCredit Sharpen(IReadOnlyDictionary<string, double?> estimates, IReadOnlySet<string> read, IReadOnlyDictionary<string, int> matched)
    {
        var credited = new Dictionary<string, double?>(estimates, StringComparer.Ordinal);
        var readPosts = estimates.Where(e => read.Contains(e.Key) && e.Value is not null).Select(e => (PostId: e.Key, Estimate: e.Value!.Value)).ToList();
        var estimated = readPosts.Sum(p => Math.Max(0, p.Estimate));
        var arrivals = readPosts.Sum(p => matched.GetValueOrDefault(p.PostId));
        if (readPosts.Count < MinReadPosts || estimated <= 0)
        {
            return new LikedCredit(credited, readPosts.Count, arrivals, null);
        }

        var share = Math.Min(1, arrivals / estimated);
        foreach (var (postId, estimate) in readPosts)
        {
            credited[postId] = matched.GetValueOrDefault(postId) + ((1 - share) * estimate);
        }

        return new LikedCredit(credited, readPosts.Count, arrivals, share);
    }
}

/// <summary>The credits, how many posts' likers were read, how many arrivals matched, and the share of follows they stand for (null: not used).</summary>
public sealed record LikedCredit(IReadOnlyDictionary<string, double?> Followers, int ReadPosts, int Matched, double? Share);
