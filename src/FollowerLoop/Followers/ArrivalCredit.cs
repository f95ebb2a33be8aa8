using FollowerLoop.Learning;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Followers;

/// <summary>
/// Shares each arrival of the last 3 days among the posts live when it followed, by the attribution's weights in the
/// window between the two passes that date it: a post's share is the follows it was expected to bring there, against
/// those plus the organic arrivals (the arrivals the posts do not explain, per hour, over those days). Recomputed on
/// every run while the checkpoints after an arrival still refine its posts' views (the last, at 48 hours, within 2
/// days); older credits stay as they were.
/// </summary>
public sealed class ArrivalCredit(AttributionSeries series, FollowerStore store, ILogger<ArrivalCredit> logger)
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
        var credits = Share(arrivals, weights);
        await store.ReplaceCreditsAsync(handle, since, credits, now, cancellationToken);
        Log.ArrivalsCredited(logger, credits.Select(c => c.UserId).Distinct(StringComparer.Ordinal).Count(), credits.Select(c => c.PostId).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Each arrival's shares: the posts' expected follows in its window over those plus the organic rate's.</summary>
    public static IReadOnlyList<ArrivalShare> Share(IReadOnlyList<Arrival> arrivals, ArrivalWeights weights)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        ArgumentNullException.ThrowIfNull(weights);
        var windows = arrivals.GroupBy(a => (a.ArrivedAfter, a.FirstSeenAt))
            .Select(w => (Arrivals: w.ToList(), Hours: (w.Key.FirstSeenAt - w.Key.ArrivedAfter).TotalHours, Expected: weights.Expected(w.Key.ArrivedAfter, w.Key.FirstSeenAt)))
            .ToList();
        var hours = windows.Sum(w => w.Hours);
        var organicPerHour = hours > 0 ? Math.Max(0, (arrivals.Count - windows.Sum(w => w.Expected.Values.Sum())) / hours) : 0;
        var credits = new List<ArrivalShare>();
        foreach (var (members, windowHours, expected) in windows)
        {
            var explained = expected.Values.Sum() + (organicPerHour * windowHours);
            if (explained <= 0)
            {
                continue;
            }

            foreach (var (postId, follows) in expected.Where(e => e.Value / explained >= MinShare))
            {
                credits.AddRange(members.Select(a => new ArrivalShare(a.UserId, postId, follows / explained)));
            }
        }

        return credits;
    }
}
