using FollowerLoop.Storage;

namespace FollowerLoop.Learning;

/// <summary>
/// What attribution works on: the follower series (exact snapshots and checkpoint readings) from a start, and the posts
/// live in it with their views, or their profile visits where X gave every post's visits at every checkpoint (API reads
/// of posts under 30 days). Never a mix: the rates are per unit of one of them.
/// </summary>
public sealed class AttributionSeries(AttributionReader reader, AccountSnapshotStore snapshots)
{
    public async Task<AttributionInputs> LoadAsync(string handle, DateTimeOffset seriesStart, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await LoadHistoryAsync(handle, seriesStart, now, cancellationToken)).AsOf(seriesStart, now);

    /// <summary>
    /// Everything measured for the series from <paramref name="seriesStart"/> to <paramref name="to"/>, and the posts
    /// live in it: what <see cref="AttributionHistory.AsOf"/> cuts the inputs of any moment from, as a run then saw them.
    /// </summary>
    public async Task<AttributionHistory> LoadHistoryAsync(string handle, DateTimeOffset seriesStart, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // Every post live in the series weighs in, so posts from one window before its start are read too.
        var (views, visits, checkpoints) = await reader.ReadAsync(handle, seriesStart - EngagementShareAttribution.Window, cancellationToken);
        var readings = (await snapshots.GetRangeAsync(handle, seriesStart, to, cancellationToken))
            .Where(s => s is { Followers: not null, FollowersExact: true })
            .Select(s => new FollowerReading(s.TakenAt, s.Followers!.Value))
            // A rounded count ("12.4K") cannot show an hour's change: only exact readings make the series.
            .Concat(checkpoints.Where(c => c.Exact).Select(c => c.Reading))
            .ToList();
        return new AttributionHistory(views, visits, readings);
    }
}
