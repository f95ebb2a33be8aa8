namespace FollowerLoop.Learning;

/// <summary>
/// The fair baseline engagement share must beat: the follower series is cut at its readings, and each interval's change
/// is split equally among the posts live in it (posted before it ended, less than <see cref="EngagementShareAttribution.Window"/>
/// before it began). It knows overlap, unlike naive 48h − baseline, but nothing of views, formats, lag or drift.
/// </summary>
public static class OverlapSharedAttribution
{
    /// <returns>Each post's share; null for a post no interval of the series covers.</returns>
    public static Dictionary<string, double?> Estimate(IReadOnlyList<FollowerReading> readings, IReadOnlyList<PostViews> posts)
    {
        var followers = posts.ToDictionary(post => post.PostId, _ => (double?)null, StringComparer.Ordinal);
        var series = readings.OrderBy(reading => reading.At).ToList();
        var byTime = posts.OrderBy(post => post.PostedAt).ToList();
        // The live posts of each interval are a run of byTime whose ends only move forwards as the intervals do.
        var (first, end) = (0, 0);
        foreach (var (from, to) in series.Zip(series.Skip(1)))
        {
            while (end < byTime.Count && byTime[end].PostedAt < to.At)
            {
                end++;
            }

            while (first < end && byTime[first].PostedAt + EngagementShareAttribution.Window <= from.At)
            {
                first++;
            }

            for (var i = first; i < end; i++)
            {
                followers[byTime[i].PostId] = (followers[byTime[i].PostId] ?? 0) + ((double)(to.Followers - from.Followers) / (end - first));
            }
        }

        return followers;
    }
}
