using FollowerLoop.Learning;
using FollowerLoop.Storage;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Followers;

/// <summary>
/// Shares each arrival of the last 3 days among the posts live when it followed, by the attribution's weights in the
/// window between the two passes that date it: a post's share is the follows it was expected to bring there, against
/// those plus the organic arrivals (the arrivals the posts do not explain, per hour, over those days). An arrival who
/// had liked a post in its 48 hours (where X lists the likers: <see cref="LikerStore"/>) is that post's for certain,
/// and the post's expected follows in that window, less those, are what it shares of the rest. Recomputed on every run
/// while the checkpoints after an arrival still refine its posts' views (the last, at 48 hours, within 2 days) and its
/// posts' likers come in (read once a post's 48 hours are over); older credits stay as they were.
/// </summary>
public sealed class ArrivalCredit(AttributionSeries series, FollowerStore store, LikerStore likers, ILogger<ArrivalCredit> logger)
{
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(3);

    /// <summary>Shares below this are left out (an arrival a post barely touched).</summary>
    private const double MinShare = 0.001;

    public async Task RunAsync(string handle, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - Lookback;
        var arrivals = await store.GetArrivalsAsync(handle, since, cancellationToken);
        if (arrivals.Count == 0)
        {
            return;
        }

        var seriesStart = arrivals.Min(a => a.ArrivedAfter) - EngagementShareAttribution.Window;
        var inputs = await series.LoadAsync(handle, seriesStart, now, cancellationToken);
        var weights = EngagementShareAttribution.Estimate(inputs.Readings, inputs.Posts).Weights;
        var liked = await likers.GetLikedArrivalsAsync(handle, seriesStart, EngagementShareAttribution.Window, cancellationToken);
        var credits = Share(arrivals, weights, liked);
        await store.ReplaceCreditsAsync(handle, since, credits, now, cancellationToken);
        Log.ArrivalsCredited(logger, credits.Select(c => c.UserId).Distinct(StringComparer.Ordinal).Count(), credits.Select(c => c.PostId).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>
    /// Each arrival's shares: all of it to the post it had liked (<paramref name="liked"/>: user → post), else the posts'
    /// expected follows in its window, less the arrivals there known to be theirs, over those plus the organic rate's.
    /// </summary>
    public static IReadOnlyList<ArrivalShare> Share(IReadOnlyList<Arrival> arrivals, ArrivalWeights weights, IReadOnlyDictionary<string, string> liked)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(liked);
        var windows = arrivals.GroupBy(a => (a.ArrivedAfter, a.FirstSeenAt))
            .Select(w => (Arrivals: w.ToList(), Hours: (w.Key.FirstSeenAt - w.Key.ArrivedAfter).TotalHours, Expected: weights.Expected(w.Key.ArrivedAfter, w.Key.FirstSeenAt)))
            .ToList();
        var hours = windows.Sum(w => w.Hours);
        var organicPerHour = hours > 0 ? Math.Max(0, (arrivals.Count - windows.Sum(w => w.Expected.Values.Sum())) / hours) : 0;
        var credits = new List<ArrivalShare>();
        foreach (var (members, windowHours, expected) in windows)
        {
            var known = members.Where(a => liked.ContainsKey(a.UserId)).ToList();
            credits.AddRange(known.Select(a => new ArrivalShare(a.UserId, liked[a.UserId], 1)));
            var knownPerPost = known.CountBy(a => liked[a.UserId], StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
            var rest = expected.ToDictionary(e => e.Key, e => Math.Max(0, e.Value - knownPerPost.GetValueOrDefault(e.Key)), StringComparer.Ordinal);
            var explained = rest.Values.Sum() + (organicPerHour * windowHours);
            if (explained <= 0)
            {
                continue;
            }

            var unknown = members.Where(a => !liked.ContainsKey(a.UserId)).ToList();
            foreach (var (postId, follows) in rest.Where(e => e.Value / explained >= MinShare))
            {
                credits.AddRange(unknown.Select(a => new ArrivalShare(a.UserId, postId, follows / explained)));
            }
        }

        return credits;
    }
}
