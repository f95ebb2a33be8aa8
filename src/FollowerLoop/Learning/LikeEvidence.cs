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
/// alone would (the Attribution job); each arrival, its shares (the Followers job). Likes taken as certain (a follower
/// who liked posts counted as theirs, shared alike) made attribution worse on an outside profile whose followers like
/// the next post too (docs/learning-yardstick.md, "Likes as evidence").
/// </summary>
public sealed class LikeEvidence
{
    /// <summary>Fewer fully listed posts than this tell the chances too poorly; the estimates are kept.</summary>
    public const int MinReadPosts = 10;

    private const int MaxIterations = 100;
    private const double Tolerance = 1e-4;

    /// <summary>Neither chance is taken as 0 or 1: one like would then decide an arrival outright.</summary>
    private const double Bound = 1e-4;

    /// <summary>
    /// How many expected follows' worth a listed post's own likers are weighed against its expected follows in the arrivals'
    /// shares (the gamma prior's shape): on the sandbox (<c>ArrivalCreditOnSandboxTests</c>, half of the followers having
    /// liked the post) 5 and 10 did alike (credited followers' error 1.28 a post), 20 worse (1.40), none 1.70. The
    /// Attribution job's credits gained nothing from it (2.26 → 2.28 at 10, <c>LikeEvidenceOnSandboxTests</c>): its
    /// estimates already carry each post's surprises in the follower count.
    /// </summary>
    private const double PriorFollows = 10;

    private readonly IReadOnlyDictionary<string, double?> _estimates;
    private readonly List<ArrivalGroup> _groups;

    private LikeEvidence(IReadOnlyDictionary<string, double?> estimates, List<ArrivalGroup> groups, int readPosts, double matched, LikeChances? chances)
    {
        (_estimates, _groups, ReadPosts, Matched, Chances) = (estimates, groups, readPosts, matched, chances);
    }

    /// <summary>How many of the posts credited had their likers listed in full.</summary>
    public int ReadPosts { get; }

    /// <summary>How many arrivals had liked one of those posts out before they followed.</summary>
    public double Matched { get; }

    /// <summary>The chances of a like fitted on the arrivals; null where the likes are not used.</summary>
    public LikeChances? Chances { get; }

    /// <param name="estimates">Engagement share's estimate of each post (null: not measured).</param>
    /// <param name="posts">The posts in the series, with when they went out.</param>
    /// <param name="listed">The posts whose likers X listed in full.</param>
    /// <param name="windows">Every arrival since the first post credited, counted per window.</param>
    /// <param name="liked">Those arrivals who had liked posts out before they were first listed.</param>
    public static LikeEvidence Weigh(
        IReadOnlyDictionary<string, double?> estimates,
        IReadOnlyList<PostViews> posts,
        IReadOnlySet<string> listed,
        ArrivalWeights weights,
        IReadOnlyList<ArrivalWindow> windows,
        IReadOnlyList<LikedArrival> liked)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        var readPosts = estimates.Count(e => listed.Contains(e.Key) && e.Value is not null);
        var groups = Groups(posts, readPosts < MinReadPosts ? new HashSet<string>() : listed, weights, windows, liked);
        var matched = groups.Where(g => g.LikedOut > 0).Sum(g => g.Count);
        // Where the fit finds a liked post no likelier to have brought them than any other (on the yardstick, a profile with
        // a few likers a week), a like would push credit away from the post liked: the likes are left out.
        var chances = matched > 0 && Fit(groups) is { } fitted && fitted.Bringer > fitted.Other.Max() ? fitted : null;
        return new LikeEvidence(estimates, groups, readPosts, matched, chances);
    }

    /// <summary>
    /// Each post's estimate plus what the likes moved: the arrivals they share it less those its expected follows alone
    /// would (every arrival of a window shared by them). Unchanged where the likes are not used.
    /// </summary>
    public IReadOnlyDictionary<string, double?> Credit()
    {
        if (Chances is not { } chances)
        {
            return _estimates;
        }

        var moved = new Dictionary<string, double>(StringComparer.Ordinal);
        var logs = new LogChances(chances);
        foreach (var group in _groups)
        {
            var (shares, _) = group.Shares(logs);
            var prior = group.Prior();
            for (var c = 0; c < group.Candidates.Length; c++)
            {
                moved[group.Candidates[c]] = moved.GetValueOrDefault(group.Candidates[c]) + (group.Count * (shares[c] - prior[c]));
            }
        }

        return _estimates.ToDictionary(e => e.Key, e => e.Value is { } estimate ? estimate + moved.GetValueOrDefault(e.Key) : (double?)null, StringComparer.Ordinal);
    }

    /// <summary>
    /// How much of each arrival first listed from <paramref name="firstSeenFrom"/> on (default: every one weighed) each post
    /// brought: the arrivals of a window who liked the same listed posts together, the window's others together (no user
    /// ids), each listed post's expected follows scaled by what its own likers say of them (<see cref="OwnLikersScale"/>,
    /// from every arrival weighed); by the expected follows alone where the likes are not used.
    /// </summary>
    public IEnumerable<ArrivalPosterior> Arrivals(DateTimeOffset firstSeenFrom = default)
    {
        var (logs, scale) = ((LogChances?)null, (Dictionary<string, double>?)null);
        if (Chances is { } chances)
        {
            logs = new LogChances(chances);
            scale = OwnLikersScale(logs, chances.Bringer);
        }

        foreach (var group in _groups.Where(g => g.FirstSeenAt >= firstSeenFrom))
        {
            var shares = logs is null ? group.Prior() : group.Shares(logs, scale).Candidates;
            yield return new ArrivalPosterior(group.ArrivedAfter, group.FirstSeenAt, group.UserIds, group.Candidates.Zip(shares).ToDictionary(s => s.First, s => s.Second, StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// How far each listed post's follows were above or below its expected ones as its own likers tell (the gamma–Poisson
    /// posterior mean): the arrivals its likes place with it against the <paramref name="bringer"/> chance's part of the
    /// arrivals it was expected to bring, <see cref="PriorFollows"/> more on both sides. A post's followers who had liked it
    /// and those who had not arrive independently, so those who had not are expected at the same multiple.
    /// </summary>
    private Dictionary<string, double> OwnLikersScale(LogChances logs, double bringer)
    {
        var (placed, expected) = (new Dictionary<string, double>(StringComparer.Ordinal), new Dictionary<string, double>(StringComparer.Ordinal));
        foreach (var group in _groups)
        {
            var (shares, _) = group.Shares(logs);
            var prior = group.Prior();
            for (var c = 0; c < group.Candidates.Length; c++)
            {
                var postId = group.Candidates[c];
                if (group.Bringer[c] != BringerLike.NotListed)
                {
                    expected[postId] = expected.GetValueOrDefault(postId) + (group.Count * prior[c]);
                    placed[postId] = placed.GetValueOrDefault(postId) + (group.Bringer[c] == BringerLike.Liked ? group.Count * shares[c] : 0);
                }
            }
        }

        return expected.ToDictionary(e => e.Key, e => (PriorFollows + placed[e.Key]) / (PriorFollows + (bringer * e.Value)), StringComparer.Ordinal);
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
                .Select(l => (l.UserId, PostIds: l.PostIds.Where(listedOut.Contains).Order(StringComparer.Ordinal).ToArray()))
                .Where(l => l.PostIds.Length > 0)
                .GroupBy(l => string.Join(',', l.PostIds), StringComparer.Ordinal)
                .Select(g => ArrivalGroup.Of(window, g.Count(), [.. g.Select(l => l.UserId)], candidates, expectedThere, organic, listedOut, [.. g.First().PostIds], order))
                .ToList();
            groups.AddRange(likers);
            groups.Add(ArrivalGroup.Of(window, Math.Max(0, window.Arrivals - likers.Sum(l => l.Count)), [], candidates, expectedThere, organic, listedOut, [], order));
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
        DateTimeOffset ArrivedAfter, DateTimeOffset FirstSeenAt, int Count, string[] UserIds, string[] Candidates, double[] Expected, double Organic, BringerLike[] Bringer, double[] Liked, double[] Passed, int LikedOut, int PassedOut)
    {
        public static ArrivalGroup Of(
            ArrivalWindow window, int count, string[] userIds, string[] candidates, IReadOnlyDictionary<string, double> expected, double organic, IReadOnlySet<string> listedOut, HashSet<string> liked, IReadOnlyDictionary<string, int> order)
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

            return new(window.ArrivedAfter, window.FirstSeenAt, count, userIds, candidates, [.. candidates.Select(c => expected[c])], organic, bringer, likedBySlot, passedBySlot, liked.Count, listedOut.Count - liked.Count);
        }

        /// <summary>How much of each arrival each candidate brought by its expected follows alone (the rest organic).</summary>
        public double[] Prior()
        {
            var total = Expected.Sum() + Organic;
            return [.. Expected.Select(e => total > 0 ? e / total : 0)];
        }

        /// <summary>
        /// How much of each arrival each candidate brought, and how much no post did, were the chances those of
        /// <paramref name="logs"/> (and each candidate's expected follows <paramref name="scale"/>d, where given).
        /// </summary>
        public (double[] Candidates, double Organic) Shares(LogChances logs, IReadOnlyDictionary<string, double>? scale = null)
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
                shares[c] = Expected[c] * (scale is null ? 1 : scale.GetValueOrDefault(Candidates[c], 1)) * Math.Exp(shares[c] - top);
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
