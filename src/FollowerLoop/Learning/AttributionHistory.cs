namespace FollowerLoop.Learning;

/// <summary>The posts with their views and their profile visits (only the checkpoints that had them), and the exact follower readings.</summary>
public sealed record AttributionHistory(IReadOnlyList<PostViews> Views, IReadOnlyList<PostViews> Visits, IReadOnlyList<FollowerReading> Readings)
{
    // A checkpoint's age is stored in hours: a reading taken at a run's moment may land a hair after it.
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(1);

    /// <summary>What was measured by <paramref name="now"/>: the series from <paramref name="seriesStart"/> and the posts out by then.</summary>
    public AttributionInputs AsOf(DateTimeOffset seriesStart, DateTimeOffset now)
    {
        var views = Measured(Views, seriesStart, now);
        var visits = Measured(Visits, seriesStart, now);
        var byVisits = views.Count > 0 && views.Zip(visits).All(p => p.First.Checkpoints.Count == p.Second.Checkpoints.Count);
        var readings = Readings.Where(r => r.At >= seriesStart && r.At <= now + Tolerance).ToList();
        return new AttributionInputs(byVisits ? visits : views, readings, byVisits, views);
    }

    private static List<PostViews> Measured(IReadOnlyList<PostViews> posts, DateTimeOffset seriesStart, DateTimeOffset now) =>
    [
        .. posts
            .Where(p => p.PostedAt >= seriesStart - EngagementShareAttribution.Window && p.PostedAt <= now)
            .Select(p => p with { Checkpoints = [.. p.Checkpoints.Where(c => p.PostedAt + TimeSpan.FromHours(c.Hours) <= now + Tolerance)] }),
    ];
}
