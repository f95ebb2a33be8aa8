using FollowerLoop.Learning;
using FollowerLoop.Storage;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Followers;

/// <summary>
/// Shares each arrival of the last 3 days among the posts live when it followed, by the attribution's weights in the
/// window between the two passes that date it: a post's share is the follows it was expected to bring there, against
/// those plus the organic arrivals (the arrivals the posts do not explain, per hour, over those days). An arrival who
/// had liked posts in their 48 hours (where X lists the likers: <see cref="LikerStore"/>) is those posts' for certain,
/// shared alike, and tells how many of the others they brought (see <see cref="Share"/>). Recomputed on every run
/// while the checkpoints after an arrival still refine its posts' views (the last, at 48 hours, within 2 days) and its
/// posts' likers come in (read once a post's 48 hours are over); older credits stay as they were.
/// </summary>
public sealed class ArrivalCredit(AttributionSeries series, FollowerStore store, LikerStore likers, ILogger<ArrivalCredit> logger)
{
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(3);

    /// <summary>Shares below this are left out (an arrival a post barely touched).</summary>
    private const double MinShare = 0.001;

    /// <summary>
    /// How many expected follows' worth a post's own likers are weighed against the share of all posts' (the gamma
    /// prior's shape): on the sandbox, every post taken as listed in full, 5–20 did about as well (credited followers' error
    /// 1.19–1.25 a post), 1 and 50 worse (1.44, 1.38), and the share alone (infinite) 1.54.
    /// </summary>
    private const double PriorFollows = 10;

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
        var read = await likers.GetReadAsync([.. inputs.Posts.Select(p => p.PostId)], cancellationToken);
        var credits = Share(arrivals, weights, liked, read);
        await store.ReplaceCreditsAsync(handle, since, credits, now, cancellationToken);
        var posts = credits.Certain.Select(c => c.PostId).Concat(credits.Windows.Select(w => w.PostId)).Distinct(StringComparer.Ordinal).Count();
        var certain = credits.Certain.Select(c => c.UserId).Distinct(StringComparer.Ordinal).Count();
        Log.ArrivalsCredited(logger, arrivals.Count, Lookback, certain, credits.Windows.Select(w => w.FirstSeenAt).Distinct().Count(), posts);
    }

    /// <summary>
    /// Each arrival's shares: all of it to the posts it had liked (<paramref name="liked"/>: user → posts, shared by
    /// <see cref="Alike"/>), else the posts' expected follows still unknown in its window over those
    /// plus the organic rate's. The followers a post brings who had liked it and those who had not arrive independently
    /// (each follow is one or the other, at random), so of a post whose likers X listed in full
    /// (<paramref name="read"/>: post → listed in full) the unknown ones are expected at (1 − f) of its follows, f
    /// being the share known over all those posts; its own likers say how far its follows were above or below their
    /// estimate (the gamma–Poisson posterior mean, prior shape <see cref="PriorFollows"/>). A post whose list was cut
    /// (X lists 100) has only its known arrivals taken off its expected follows; one not read yet keeps them whole, its
    /// likers being among the unknown arrivals. The organic rate is what the posts' unknown expected follows leave of
    /// the unknown arrivals. The unknown arrivals of a window share alike: their shares are the window's.
    /// </summary>
    public static ArrivalCredits Share(
        IReadOnlyList<Arrival> arrivals, ArrivalWeights weights, IReadOnlyDictionary<string, string[]> liked, IReadOnlyDictionary<string, bool> read)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(liked);
        ArgumentNullException.ThrowIfNull(read);
        var certain = arrivals.Where(a => liked.ContainsKey(a.UserId))
            .SelectMany(a => Alike(liked[a.UserId]).Select(s => new ArrivalShare(a.UserId, s.PostId, s.Share)))
            .ToList();
        var windows = arrivals.GroupBy(a => (a.ArrivedAfter, a.FirstSeenAt))
            .Select(w => (w.Key, Unknown: w.Count(a => !liked.ContainsKey(a.UserId)), Hours: (w.Key.FirstSeenAt - w.Key.ArrivedAfter).TotalHours, Expected: weights.Expected(w.Key.ArrivedAfter, w.Key.FirstSeenAt)))
            .ToList();
        var knownPerPost = certain.GroupBy(c => c.PostId, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Sum(s => s.Share), StringComparer.Ordinal);
        var expectedPerPost = windows.SelectMany(w => w.Expected).GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(e => e.Value), StringComparer.Ordinal);
        var listed = expectedPerPost.Keys.Where(p => read.GetValueOrDefault(p)).ToList();
        var listedExpected = listed.Sum(p => expectedPerPost[p]);
        var knownShare = listedExpected > 0 ? Math.Min(1, listed.Sum(p => knownPerPost.GetValueOrDefault(p)) / listedExpected) : 0;
        double UnknownShare(string postId) => read.TryGetValue(postId, out var complete) switch
        {
            false => 1,
            _ when complete => (1 - knownShare) * (PriorFollows + knownPerPost.GetValueOrDefault(postId)) / (PriorFollows + (knownShare * expectedPerPost[postId])),
            _ => Math.Max(0, expectedPerPost[postId] - knownPerPost.GetValueOrDefault(postId)) / expectedPerPost[postId],
        };
        var rests = windows.Select(w => w.Expected.ToDictionary(e => e.Key, e => e.Value * UnknownShare(e.Key), StringComparer.Ordinal)).ToList();
        var hours = windows.Sum(w => w.Hours);
        var organicPerHour = hours > 0 ? Math.Max(0, (windows.Sum(w => w.Unknown) - rests.Sum(r => r.Values.Sum())) / hours) : 0;
        var shared = new List<WindowShare>();
        foreach (var ((window, unknown, windowHours, _), rest) in windows.Zip(rests))
        {
            var explained = rest.Values.Sum() + (organicPerHour * windowHours);
            if (unknown == 0 || explained <= 0)
            {
                continue;
            }

            shared.AddRange(rest.Where(e => e.Value / explained >= MinShare).Select(e => new WindowShare(window.ArrivedAfter, window.FirstSeenAt, e.Key, e.Value / explained)));
        }

        return new ArrivalCredits(certain, shared);
    }

    /// <summary>How much of one arrival each of the posts they liked is credited: alike (the likes cannot tell which brought them).</summary>
    private static IEnumerable<(string PostId, double Share)> Alike(string[] postIds) => postIds.Select(postId => (postId, 1.0 / postIds.Length));
}
