using FollowerLoop.Learning;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Followers;

/// <summary>
/// Stores each arrival of the last 3 days' credit to the posts that may have brought it, as the Attribution job weighed
/// them (<see cref="LikeEvidence"/>): by the follows each post was expected to bring in the window between the two
/// passes that date the arrival, against the organic rate, and by the likes of the arrivals who had liked posts whose
/// likers X listed in full. Rewritten on every Attribution run while the checkpoints after an arrival still refine its
/// posts' views (the last, at 48 hours, within 2 days) and its posts' likers come in (read once a post's 48 hours are
/// over); older credits stay as they were. The posts' credits and the arrivals' come from one weighing: weighed again
/// after each followers pass, they cost a second series, estimate and fit of the chances every time.
/// </summary>
public sealed class ArrivalCredit(FollowerStore store, ILogger<ArrivalCredit> logger) : IArrivalCredits
{
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(3);

    /// <summary>Shares below this are left out (an arrival a post barely touched).</summary>
    private const double MinShare = 0.001;

    public async Task ReplaceAsync(string account, LikeEvidence evidence, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var since = now - Lookback;
        var arrivals = evidence.Arrivals(since).ToList();
        var credits = Credits(arrivals);
        await store.ReplaceCreditsAsync(account, since, credits, now, cancellationToken);
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
