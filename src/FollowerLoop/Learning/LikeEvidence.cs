using FollowerLoop.Storage;

namespace FollowerLoop.Learning;

/// <summary>
/// Engagement share's estimates sharpened by the new followers' likes, where X listed a post's likers in full. A like
/// is evidence, not proof: a follower a post brings may have liked it (a chance of its own), and may have liked other
/// posts out before they followed, by a chance that depends on how many posts apart from that one they stand
/// (<see cref="LikeChances"/>: someone who follows hours after a post may like the one after it). Each arrival is
/// shared among the posts expected to bring follows in the window that dates it, by those follows
/// (<see cref="ArrivalWeights"/>; the organic rate for none) times the likelihood of their likes were that post the one.
/// The chances are fitted on the arrivals themselves (expectation–maximisation), so likes say as much as they do on the
/// account at hand: nearly all where followers like only what brought them, less where they like its neighbours too. A
/// post is credited its estimate plus what the likes moved: the arrivals this shares it less those its expected follows
/// alone would. Likes taken as certain (a follower who liked posts counted as theirs, shared alike) made attribution worse
/// on an outside profile whose followers like the next post too (README, Learning).
/// </summary>
public static class LikeEvidence
{
    /// <summary>Fewer fully listed posts than this tell the chances too poorly; the estimates are kept.</summary>
    public const int MinReadPosts = 10;

    private const int MaxIterations = 100;
    private const double Tolerance = 1e-4;

    /// <summary>Neither chance is taken as 0 or 1: one like would then decide an arrival outright.</summary>
    private const double Bound = 1e-4;

    /// <param name="posts">The posts in the series, with when they went out.</param>
    /// <param name="listed">The posts whose likers X listed in full.</param>
    /// <param name="windows">Every arrival since the first post credited, counted per window.</param>
    /// <param name="liked">Those arrivals who had liked posts out before they were first listed.</param>
    public static LikedCredit Sharpen(
        IReadOnlyDictionary<string, double?> estimates,
        IReadOnlyList<PostViews> posts,
        IReadOnlySet<string> listed,
        ArrivalWeights weights,
        IReadOnlyList<ArrivalWindow> windows,
        IReadOnlyList<LikedArrival> liked)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        var readPosts = estimates.Count(e => listed.Contains(e.Key) && e.Value is not null);
        var groups = readPosts < MinReadPosts ? [] : Groups(posts, listed, weights, windows, liked);
        var matched = groups.Where(g => g.LikedOut > 0).Sum(g => g.Count);
        // Where the fit finds a liked post no likelier to have brought them than any other (on the yardstick, a profile with
        // a few likers a week), a like would push credit away from the post liked: the likes are left out.
        if (matched == 0 || Fit(groups) is not { } chances || chances.Bringer <= chances.Other.Max())
        {
            return new LikedCredit(estimates, readPosts, matched, null);
        }

        var moved = new Dictionary<string, double>(StringComparer.Ordinal);
        var logs = new LogChances(chances);
        foreach (var group in groups)
        {
            var (shares, _) = group.Shares(logs);
            var expected = group.Expected.Sum() + group.Organic;
            for (var c = 0; c < group.Candidates.Length && expected > 0; c++)
            {
                // Less what the post's expected follows alone would give it: every arrival of the window shared by them.
                var postId = group.Candidates[c];
                moved[postId] = moved.GetValueOrDefault(postId) + (group.Count * (shares[c] - (group.Expected[c] / expected)));
            }
        }

        var credited = estimates.ToDictionary(e => e.Key, e => e.Value is { } estimate ? estimate + moved.GetValueOrDefault(e.Key) : (double?)null, StringComparer.Ordinal);
        return new LikedCredit(credited, readPosts, matched, chances);
    }

    /// <summary>The chances that make the arrivals' likes likeliest; null when no arrival could have been brought by a listed post.</summary>
    private static LikeChances? Fit(IReadOnlyList<ArrivalGroup> groups)
    {
        var chances = new LikeChances(0.5, [.. Enumerable.Repeat(0.05, LikeChances.Slots)]);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var (likedBringer, bringers) = (0.0, 0.0);
            var (likedOther, others) = (new double[LikeChances.Slots], new double[LikeChances.Slots]);
            var logs = new LogChances(chances);
            foreach (var group in groups)
            {
                var (shares, organic) = group.Shares(logs);
                for (var c = 0; c < shares.Length; c++)
                {
                    var share = group.Count * shares[c];
                    if (group.Bringer[c] != BringerLike.NotListed)
                    {
                        (bringers, likedBringer) = (bringers + share, likedBringer + (group.Bringer[c] == BringerLike.Liked ? share : 0));
                    }

                    for (var slot = 0; slot < LikeChances.Slots; slot++)
                    {
                        var (liked, passed) = (group.Liked[(c * LikeChances.Slots) + slot], group.Passed[(c * LikeChances.Slots) + slot]);
                        (others[slot], likedOther[slot]) = (others[slot] + (share * (liked + passed)), likedOther[slot] + (share * liked));
                    }
                }

                var unbrought = group.Count * organic;
                (others[^1], likedOther[^1]) = (others[^1] + (unbrought * (group.LikedOut + group.PassedOut)), likedOther[^1] + (unbrought * group.LikedOut));
            }

            if (bringers <= 0)
            {
                return null;
            }

            // A slot no listed post stood in is in no likelihood: it takes the farther posts' chance, so as not to stand out.
            var farther = others[^1] > 0 ? Bounded(likedOther[^1] / others[^1]) : Bound;
            var next = new LikeChances(Bounded(likedBringer / bringers), [.. likedOther.Select((l, slot) => others[slot] > 0 ? Bounded(l / others[slot]) : farther)]);
            var change = Math.Abs(next.Bringer - chances.Bringer) + next.Other.Zip(chances.Other, (x, y) => Math.Abs(x - y)).Sum();
            chances = next;
            if (change < Tolerance)
            {
                break;
            }
        }

        return chances;
    }

    private static double Bounded(double chance) => Math.Clamp(chance, Bound, 1 - Bound);

    /// <summary>The arrivals of each window, those who liked the same listed posts together (most liked none).</summary>
    private static List<ArrivalGroup> Groups(
        IReadOnlyList<PostViews> posts, IReadOnlySet<string> listed, ArrivalWeights weights, IReadOnlyList<ArrivalWindow> windows, IReadOnlyList<LikedArrival> liked)
    {
        var order = posts.OrderBy(p => p.PostedAt).Select((p, i) => (p.PostId, Index: i)).ToDictionary(p => p.PostId, p => p.Index, StringComparer.Ordinal);
        var listedPosts = posts.Where(p => listed.Contains(p.PostId)).ToList();
        var expected = windows.Select(w => weights.Expected(w.ArrivedAfter, w.FirstSeenAt)).ToList();
        var hours = windows.Sum(w => (w.FirstSeenAt - w.ArrivedAfter).TotalHours);
        var organicPerHour = hours > 0 ? Math.Max(0, (windows.Sum(w => w.Arrivals) - expected.Sum(e => e.Values.Sum())) / hours) : 0;
        var likedByWindow = liked.ToLookup(l => (l.ArrivedAfter, l.FirstSeenAt));
        var groups = new List<ArrivalGroup>();
        foreach (var (window, expectedThere) in windows.Zip(expected))
        {
            // The listed posts out before the arrivals were listed and within their first 48 hours for some of the window.
            var listedOut = listedPosts
                .Where(p => p.PostedAt < window.FirstSeenAt && p.PostedAt + EngagementShareAttribution.Window > window.ArrivedAfter)
                .Select(p => p.PostId)
                .ToHashSet(StringComparer.Ordinal);
            var candidates = expectedThere.Keys.Where(order.ContainsKey).ToArray();
            var organic = organicPerHour * (window.FirstSeenAt - window.ArrivedAfter).TotalHours;
            var likers = likedByWindow[(window.ArrivedAfter, window.FirstSeenAt)]
                .Select(l => l.PostIds.Where(listedOut.Contains).Order(StringComparer.Ordinal).ToArray())
                .Where(l => l.Length > 0)
                .GroupBy(l => string.Join(',', l), StringComparer.Ordinal)
                .Select(g => ArrivalGroup.Of(g.Count(), candidates, expectedThere, organic, listedOut, [.. g.First()], order))
                .ToList();
            groups.AddRange(likers);
            groups.Add(ArrivalGroup.Of(Math.Max(0, window.Arrivals - likers.Sum(l => l.Count)), candidates, expectedThere, organic, listedOut, [], order));
        }

        return [.. groups.Where(g => g.Count > 0)];
    }

    private enum BringerLike : byte
    {
        NotListed,
        Passed,
        Liked,
    }

    /// <summary>The logarithms of the chances of a like and of none, taken once for every group.</summary>
    private sealed class LogChances(LikeChances chances)
    {
        public double Bringer { get; } = Math.Log(chances.Bringer);

        public double NoBringer { get; } = Math.Log(1 - chances.Bringer);

        public double[] Other { get; } = [.. chances.Other.Select(c => Math.Log(c))];

        public double[] NoOther { get; } = [.. chances.Other.Select(c => Math.Log(1 - c))];
    }

    /// <summary>
    /// Arrivals of one window who liked the same listed posts: how many, the posts expected to bring follows there and
    /// the organic arrivals expected, for each of those posts, were it the one that brought them, whether they liked it
    /// and how many of the other listed posts out they liked and passed in each slot (<see cref="LikeChances.Slot"/>),
    /// and how many listed posts out they liked and passed in all (were no post the one, all are the farther slot's).
    /// </summary>
    private sealed record ArrivalGroup(
        int Count, string[] Candidates, double[] Expected, double Organic, BringerLike[] Bringer, double[] Liked, double[] Passed, int LikedOut, int PassedOut)
    {
        public static ArrivalGroup Of(
            int count, string[] candidates, IReadOnlyDictionary<string, double> expected, double organic, IReadOnlySet<string> listedOut, HashSet<string> liked, IReadOnlyDictionary<string, int> order)
        {
            var (likedBySlot, passedBySlot) = (new double[candidates.Length * LikeChances.Slots], new double[candidates.Length * LikeChances.Slots]);
            var bringer = new BringerLike[candidates.Length];
            for (var c = 0; c < candidates.Length; c++)
            {
                bringer[c] = liked.Contains(candidates[c]) ? BringerLike.Liked : listedOut.Contains(candidates[c]) ? BringerLike.Passed : BringerLike.NotListed;
                foreach (var other in listedOut.Where(q => q != candidates[c]))
                {
                    var slot = (c * LikeChances.Slots) + LikeChances.Slot(order[other] - order[candidates[c]]);
                    _ = liked.Contains(other) ? likedBySlot[slot]++ : passedBySlot[slot]++;
                }
            }

            return new(count, candidates, [.. candidates.Select(c => expected[c])], organic, bringer, likedBySlot, passedBySlot, liked.Count, listedOut.Count - liked.Count);
        }

        /// <summary>How much of each arrival each candidate brought, and how much no post did, were the chances those of <paramref name="logs"/>.</summary>
        public (double[] Candidates, double Organic) Shares(LogChances logs)
        {
            // Log-likelihoods of the likes were each candidate the one (or none), taken off the largest before exp; the
            // array holds them, then the weights, then the shares (this runs for every group on every step of the fit).
            var shares = new double[Candidates.Length];
            var organicLog = (LikedOut * logs.Other[^1]) + (PassedOut * logs.NoOther[^1]);
            var top = organicLog;
            for (var c = 0; c < Candidates.Length; c++)
            {
                shares[c] = Bringer[c] switch
                {
                    BringerLike.Liked => logs.Bringer,
                    BringerLike.Passed => logs.NoBringer,
                    _ => 0,
                };
                for (var slot = 0; slot < LikeChances.Slots; slot++)
                {
                    shares[c] += (Liked[(c * LikeChances.Slots) + slot] * logs.Other[slot]) + (Passed[(c * LikeChances.Slots) + slot] * logs.NoOther[slot]);
                }

                top = Math.Max(top, shares[c]);
            }

            var weighed = 0.0;
            for (var c = 0; c < Candidates.Length; c++)
            {
                shares[c] = Expected[c] * Math.Exp(shares[c] - top);
                weighed += shares[c];
            }

            var organic = Organic * Math.Exp(organicLog - top);
            var total = weighed + organic;
            for (var c = 0; c < Candidates.Length; c++)
            {
                shares[c] = total > 0 ? shares[c] / total : 0;
            }

            return (shares, total > 0 ? organic / total : 0);
        }
    }
}
