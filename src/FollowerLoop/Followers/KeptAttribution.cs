using FollowerLoop.Learning;

namespace FollowerLoop.Followers;

/// <summary>
/// Who an arrival came from, once it is known whether they stayed. Crediting by arrival time gives every arrival of a
/// window the same shares, so a post whose followers leave looks almost as good as its neighbours (on the sandbox, hot
/// takes keeping 22% showed 80% against 92%). Here each kind of source (a post's format, or the organic arrivals) keeps a
/// follower with its own chance, fitted on the fates seen; each arrival whose fate is known is then shared by Bayes'
/// rule, so a follower who stayed is more likely one of a kind that keeps. The fit overshoots (those hot takes: 1%),
/// but it ranks the kinds as they are, which is what Learn needs; the per-post error is no better than by time.
/// </summary>
public static class KeptAttribution
{
    private const string Organic = "";

    /// <summary>An arrival: its time-based shares (post id → share; the rest is organic), each post's kind, and its fate.</summary>
    public sealed record Arrival(IReadOnlyDictionary<string, double> Shares, IReadOnlyDictionary<string, string> KindOf, RetentionState Fate);

    /// <summary>Per post, the weight of its arrivals that stayed and of those gone, by fate (arrivals of unknown fate count in neither).</summary>
    public static IReadOnlyDictionary<string, RetentionTally> Fit(IReadOnlyList<Arrival> arrivals)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        var known = arrivals.Where(a => a.Fate != RetentionState.Unknown).ToList();
        var keep = KeepChances(known);
        var tallies = new Dictionary<string, RetentionTally>(StringComparer.Ordinal);
        foreach (var arrival in known)
        {
            var kept = arrival.Fate == RetentionState.Retained;
            var sources = Sources(arrival).Select(s => (s.PostId, Weight: s.Share * (kept ? keep[s.Kind] : 1 - keep[s.Kind]))).ToList();
            var total = sources.Sum(s => s.Weight);
            foreach (var (postId, weight) in sources.Where(s => s.PostId is not null && total > 0))
            {
                tallies[postId!] = tallies.GetValueOrDefault(postId!, RetentionTally.None).Add(arrival.Fate, weight / total);
            }
        }

        return tallies;
    }

    /// <summary>
    /// Each kind's chance of keeping a follower: a least-squares fit of the fates (1 kept, 0 gone) on the arrivals'
    /// shares by kind, clamped away from 0 and 1 (a kind seen only staying can still explain a departure); the pooled
    /// rate where the fit cannot tell.
    /// </summary>
    private static Dictionary<string, double> KeepChances(IReadOnlyList<Arrival> known)
    {
        var pooled = known.Count == 0 ? 0.5 : known.Count(a => a.Fate == RetentionState.Retained) / (double)known.Count;
        var kinds = known.SelectMany(a => a.KindOf.Values).Append(Organic).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (known.Count == 0)
        {
            return kinds.ToDictionary(k => k, _ => pooled, StringComparer.Ordinal);
        }

        var rows = known.Select(a =>
        {
            var row = new double[kinds.Count];
            foreach (var (_, kind, share) in Sources(a))
            {
                row[kinds.IndexOf(kind)] += share;
            }

            return row;
        }).ToList();
        var fit = WeightedLeastSquares.Solve(rows, [.. known.Select(a => a.Fate == RetentionState.Retained ? 1.0 : 0.0)], [.. known.Select(_ => 1.0)]);
        return kinds.Select((kind, i) => (Kind: kind, Chance: fit is { Coefficients: var c } && double.IsFinite(c[i]) ? Math.Clamp(c[i], 0.01, 0.99) : pooled))
            .ToDictionary(k => k.Kind, k => k.Chance, StringComparer.Ordinal);
    }

    private static IEnumerable<(string? PostId, string Kind, double Share)> Sources(Arrival arrival)
    {
        var organic = Math.Max(0, 1 - arrival.Shares.Values.Sum());
        return arrival.Shares.Select(s => ((string?)s.Key, arrival.KindOf[s.Key], s.Value)).Append((null, Organic, organic));
    }
}
