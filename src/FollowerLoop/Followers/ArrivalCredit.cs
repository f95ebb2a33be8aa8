using FollowerLoop.Learning;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Followers;

/// <summary>
/// Credits each arrival of the last 3 days to the posts that may have brought it, as the Attribution job weighs them
/// (<see cref="LikeEvidence"/>): by the follows each post was expected to bring in the window between the two passes
/// that date the arrival, against the organic rate, and by the likes of the arrivals who had liked posts whose likers X
/// listed in full, the chances of a like fitted on the last week's arrivals. Recomputed on every run while the
/// checkpoints after an arrival still refine its posts' views (the last, at 48 hours, within 2 days) and its posts'
/// likers come in (read once a post's 48 hours are over); older credits stay as they were.
/// </summary>
public sealed class ArrivalCredit(AttributionSeries series, PostLikers likers, FollowerStore store, ILogger<ArrivalCredit> logger)
{
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(3);

    /// <summary>Shares below this are left out (an arrival a post barely touched).</summary>
    private const double MinShare = 0.001;

    public async Task RunAsync(string handle, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - Lookback;
        var weighedSince = now - AttributionJob.Lookback;
        var inputs = await series.LoadAsync(handle, weighedSince - EngagementShareAttribution.Window, now, cancellationToken);
        var estimate = EngagementShareAttribution.Estimate(inputs.Readings, inputs.Posts);
        var evidence = await likers.WeighAsync(handle, inputs.Posts, estimate, weighedSince, cancellationToken);
        var arrivals = evidence.Arrivals(since).ToList();
        var credits = Credits(arrivals);
        await store.ReplaceCreditsAsync(handle, since, credits, now, cancellationToken);
        var posts = credits.Own.Select(c => c.PostId).Concat(credits.Windows.Select(w => w.PostId)).Distinct(StringComparer.Ordinal).Count();
        Log.ArrivalsCredited(logger, credits.Own.Select(c => c.UserId).Distinct(StringComparer.Ordinal).Count(), Lookback, arrivals.Count(a => a.UserIds.Count == 0), posts, evidence.Chances is not null);
    }

    /// <summary>
    /// The arrivals' shares as stored: each arrival whose likes were weighed its own, the window's others once for the
    /// window. A liked arrival the likes put down to no post (no share left) takes its window's.
    /// </summary>
    public static ArrivalCredits Credits(IEnumerable<ArrivalPosterior> arrivals)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        var (own, windows) = (new List<ArrivalShare>(), new List<WindowShare>());
        foreach (var arrival in arrivals)
        {
            var shares = arrival.Shares.Where(s => s.Value >= MinShare).ToList();
            if (arrival.UserIds.Count == 0)
            {
                windows.AddRange(shares.Select(s => new WindowShare(arrival.ArrivedAfter, arrival.FirstSeenAt, s.Key, s.Value)));
            }
            else
            {
                own.AddRange(arrival.UserIds.SelectMany(userId => shares.Select(s => new ArrivalShare(userId, s.Key, s.Value))));
            }
        }

        return new ArrivalCredits(own, windows);
    }
}
