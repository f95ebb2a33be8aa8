namespace FollowerLoop.Learning;

/// <summary>
/// Shares the account's follower changes out among overlapping posts. The follower series (snapshots and
/// checkpoint readings) is cut into intervals; each post's weight in an interval is its views gained there,
/// delayed (people follow some hours after they see a post, on some audiences a day later), times its format's
/// conversion rate, scaled by its reach (a post that travels further may convert each view better or worse). One
/// weighted regression of the interval changes on elapsed time and the weights gives the organic drift per hour (kept
/// only where it can be told from the posts; the recent stretch's, which sets the level, shrunk by how clearly), the
/// delay and the reach exponent (the candidates that best predict stretches of the series they were not fitted on) and
/// the conversion per format (pulled towards the pooled rate).
/// Each post is credited its expected follows in each interval plus its share, by variance, of what the fit did not
/// expect there; its expected follows alone are what it was due.
/// </summary>
public static class EngagementShareAttribution
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(48);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    // Spreads alone, and dead times of 6 to 18 hours before a spread: follows a day late. A grid twice as wide
    // (dead times to 24 hours, more spreads) predicted held-out stretches no better on the bench's audiences.
    private static readonly FollowDelay[] DelayCandidates =
    [
        new(0, 0), new(0, 2), new(0, 4), new(0, 6), new(0, 9), new(0, 12),
        new(6, 3), new(6, 6), new(6, 9), new(12, 3), new(12, 6), new(12, 9), new(18, 3), new(18, 6),
    ];

    // Contiguous stretches of the series, each predicted by a fit on the others. Chosen in sample, a long delay
    // smooths the posts' weight until it fits organic churn (seen on an audience with heavy churn).
    private const int Folds = 4;
    private const int MinIntervals = 12;
    private const double DriftFTest = 4;

    // A post's views weigh (its views / the typical post's)^(exponent − 1) times more; 1 is conversion in proportion to
    // views. Another exponent (EngagementShareRules.ReachExponents) is kept only if it predicts held-out stretches 10%
    // better than 1, and only from 30 posts on: posts of different reach tell it, and on three converting in proportion
    // the fit chose 0.8. With no bar it chose exponents below 1 on an audience of heavy churn; with a 2% bar the luck of a
    // few big posts still picked exponents for profile visits, of which follows are a share, and one audience's posts
    // were credited a third worse.

    // A post is weighed once a checkpoint of 2 hours or more measured its views: the baseline alone, taken
    // seconds after posting, would be carried along the accrual shape hundreds of times over.
    private const double MinMeasuredHours = 1.5;
    private const string OtherFormat = "other";

    /// <param name="levelFrom">
    /// Where the stretch starts whose organic drift and overall conversion are used (the posts credited and one window
    /// before them); the whole series, longer, fits the delay and how the formats' conversions compare, which a week's
    /// posts tell poorly. A drift fitted over weeks can carry churn that has changed, so it is the recent stretch's.
    /// Null: the whole series does both.
    /// </param>
    /// <param name="rules">The fit's choices; null: <see cref="EngagementShareRules.Default"/>, the job's.</param>
    public static AttributionEstimate Estimate(
        IReadOnlyList<FollowerReading> readings, IReadOnlyList<PostViews> posts, DateTimeOffset? levelFrom = null, EngagementShareRules? rules = null)
    {
        rules ??= EngagementShareRules.Default;
        var start = readings.Count > 0 ? readings.Min(r => r.At) : default;
        var points = Snap(readings, start);
        var measured = posts.Where(p => p.Checkpoints.Any(c => c.Hours >= MinMeasuredHours)).ToList();
        if (points.Count < 2 || measured.Count == 0)
        {
            var none = posts.ToDictionary(p => p.PostId, _ => (double?)null);
            return new AttributionEstimate(none, none, 0, 0, 1, new Dictionary<string, double>(), 0, ArrivalWeights.None);
        }

        var shape = AccrualShape.From(measured);
        var last = points[^1].Index;
        var curves = measured.Select(p => new ViewCurve(p, shape)).ToList();
        var increments = measured.Select((p, i) => PostIncrements.Of(p, curves[i], start, Step, last)).ToList();
        var intervals = points.Zip(points.Skip(1), (a, b) => (From: a.Index, To: b.Index, Hours: (b.Index - a.Index) * Step.TotalHours, Change: (double)(b.Followers - a.Followers))).ToList();
        var touching = Touching(increments, intervals);

        var steepest = Steepest(intervals);
        var proportional = FitDelay(increments, intervals, touching, steepest);
        var (exponent, drift, pooled, lagged) = FitReachExponent(proportional, RelativeReach(curves), intervals, touching, steepest, rules);
        // The formats' conversions compared on the whole series, under its own drift; then levelled on the recent stretch.
        var formats = lagged.Select(p => Format(p.Post)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rates = FitFormats(lagged, intervals, touching, formats, drift, pooled, rules.FormatPull);
        var recent = levelFrom is { } from ? intervals.Where(i => i.From >= (from - start) / Step).ToList() : intervals;
        var levelled = recent.Count >= MinIntervals && recent.Count < intervals.Count;
        // The recent stretch is the series' tail: its intervals' posts are the last of the touching lists.
        if (levelled && FitLevel(PooledSums.Sum(Design(recent, Weights(lagged, recent, touching[(intervals.Count - recent.Count)..]))), Steepest(recent), rules.LevelShrink) is var (recentDrift, recentRate))
        {
            (drift, pooled) = (recentDrift, recentRate);
            rates = Levelled(rates, lagged, recent, pooled);
        }

        var followers = posts.ToDictionary(p => p.PostId, _ => (double?)null);
        foreach (var post in lagged.Where(p => p.Post.PostedAt < start + (last * Step)))
        {
            followers[post.Post.PostId] = 0;
        }

        var due = new Dictionary<string, double?>(followers);

        var postRates = lagged.Select(p => rates[Format(p.Post)]).ToArray();
        var expected = intervals.Select((interval, k) =>
        {
            var row = new double[lagged.Count];
            foreach (var i in touching[k])
            {
                row[i] = postRates[i] * lagged[i].Between(interval.From, interval.To);
            }

            return row;
        }).ToList();
        var residuals = intervals.Select((i, k) => i.Change - (drift * i.Hours) - expected[k].Sum()).ToList();
        var organicVariance = OrganicVariancePerHour(intervals, expected, residuals);
        for (var k = 0; k < intervals.Count; k++)
        {
            var total = expected[k].Sum();
            if (total <= 0)
            {
                continue;
            }

            // What the fit did not expect is shared by variance: a post's follows vary like a count (variance ≈ its
            // expected follows), the organic churn by its own variance; the posts get their part of the surprise.
            var surprise = residuals[k] / (total + (organicVariance * intervals[k].Hours));
            foreach (var i in touching[k])
            {
                if (expected[k][i] > 0)
                {
                    followers[lagged[i].Post.PostId] += expected[k][i] * (1 + surprise);
                    due[lagged[i].Post.PostId] += expected[k][i];
                }
            }
        }

        var weights = new ArrivalWeights(start, Step, [.. lagged.Select(p => (p.Post.PostId, rates[Format(p.Post)], p))]);
        return new AttributionEstimate(followers, due, drift, proportional.Delay.MeanHours, exponent, rates.ToDictionary(r => r.Key, r => r.Value * 1000), intervals.Count, weights);
    }

    private static string Format(PostViews post) => post.Format ?? OtherFormat;

    /// <summary>
    /// Each post's log views over its 48 hours (carried along the typical shape while it is young; at least one view)
    /// less the posts' mean: its reach against the typical post's. Called with at least one post.
    /// </summary>
    private static double[] RelativeReach(IReadOnlyList<ViewCurve> curves)
    {
        var logViews = curves.Select(c => Math.Log(Math.Max(1, c.At(AccrualShape.HorizonHours)))).ToArray();
        var typical = logViews.Average();
        return [.. logViews.Select(v => v - typical)];
    }

    /// <summary>
    /// The reach exponent whose pooled fit, at the delay fitted with conversion proportional to views, best predicts
    /// held-out stretches of the series; 1 (<paramref name="proportional"/>'s fit) unless another beats it by the rules' bar
    /// on its side of 1, and when the series or its posts are too few to tell.
    /// </summary>
    private static (double Exponent, double Drift, double Rate, List<LaggedIncrements> Lagged) FitReachExponent(
        (FollowDelay Delay, double Drift, double Rate, List<LaggedIncrements> Lagged, double HeldOutError) proportional,
        double[] relativeReach,
        IReadOnlyList<(int From, int To, double Hours, double Change)> intervals,
        int[][] touching,
        double steepest,
        EngagementShareRules rules)
    {
        var best = (Exponent: 1.0, proportional.Drift, proportional.Rate, proportional.Lagged);
        if (double.IsPositiveInfinity(proportional.HeldOutError) || proportional.Lagged.Count < rules.MinPostsForReachExponent)
        {
            return best;
        }

        // Each candidate is measured against 1 by the bar on its side; among those that pass, the lowest error wins.
        var bestError = double.PositiveInfinity;
        foreach (var exponent in rules.ReachExponents)
        {
            var bar = proportional.HeldOutError * (exponent > 1 ? rules.SteeperExponentBar : rules.FlatterExponentBar);
            var lagged = proportional.Lagged.Select((p, i) => p.Scaled(Math.Exp((exponent - 1) * relativeReach[i]))).ToList();
            if (FitWithHeldOutError(intervals, Weights(lagged, intervals, touching), steepest) is var (drift, rate, error) && error < bar && error < bestError)
            {
                (best, bestError) = ((exponent, drift, rate, lagged), error);
            }
        }

        return best;
    }

    /// <summary>
    /// The delay whose pooled fit (change ≈ drift·hours + rate·weight) best predicts each of <see cref="Folds"/> stretches
    /// of the series from the others (a delay fitted in full but not in every fold ranks after those that were); when the
    /// series is too short to fit, no delay, no drift and the rate of the whole series (its net change over its posts' weight).
    /// With them, the posts' increments passed through that delay, and its held-out error (infinite when none was fitted).
    /// </summary>
    private static (FollowDelay Delay, double Drift, double Rate, List<LaggedIncrements> Lagged, double HeldOutError) FitDelay(
        IReadOnlyList<PostIncrements> posts, IReadOnlyList<(int From, int To, double Hours, double Change)> intervals, int[][] touching, double steepest)
    {
        (FollowDelay Delay, double Drift, double Rate, double HeldOutError)? best = null;
        if (intervals.Count >= MinIntervals)
        {
            var weights = CandidateWeights(posts, intervals, touching);
            for (var c = 0; c < DelayCandidates.Length; c++)
            {
                if (FitWithHeldOutError(intervals, weights[c], steepest) is not var (drift, rate, error))
                {
                    continue;
                }

                if (best is null || error < best.Value.HeldOutError)
                {
                    best = (DelayCandidates[c], drift, rate, error);
                }
            }
        }

        if (best is { } b)
        {
            return (b.Delay, b.Drift, b.Rate, [.. posts.Select(p => p.Lagged(b.Delay, Step))], b.HeldOutError);
        }

        var none = posts.Select(p => p.Lagged(FollowDelay.None, Step)).ToList();
        var weight = intervals.Count == 0 ? 0 : none.Sum(p => p.Between(intervals[0].From, intervals[^1].To));
        var change = intervals.Sum(i => i.Change);
        return (FollowDelay.None, 0, weight > 0 && change > 0 ? change / weight : 0, none, double.PositiveInfinity);
    }

    /// <summary>
    /// Each delay candidate's summed weight of the posts in each interval (what <see cref="Weights"/> sums, in the same
    /// order). The candidates that differ only in their dead time share one spread of a post's views, shifted, and every
    /// post is spread into one reused array: the weights are all a fit needs, and the spread views of every post under
    /// every delay (about 10 MB a run) were most of what the Attribution job allocated.
    /// </summary>
    private static double[][] CandidateWeights(IReadOnlyList<PostIncrements> posts, IReadOnlyList<(int From, int To, double Hours, double Change)> intervals, int[][] touching)
    {
        var weights = DelayCandidates.Select(_ => new double[intervals.Count]).ToArray();
        var intervalsOf = posts.Select(_ => new List<int>()).ToArray();
        for (var k = 0; k < touching.Length; k++)
        {
            foreach (var i in touching[k])
            {
                intervalsOf[i].Add(k);
            }
        }

        var buffer = new double[posts.Count == 0 ? 1 : posts.Max(p => p.Steps) + 1];
        foreach (var spread in DelayCandidates.Select((delay, c) => (Delay: delay, Index: c)).GroupBy(d => d.Delay.SpreadHours))
        {
            for (var i = 0; i < posts.Count; i++)
            {
                var spreadViews = posts[i].Spread(spread.Key, Step, buffer);
                foreach (var (delay, c) in spread)
                {
                    var lagged = spreadViews.Delayed(delay.DeadSteps(Step));
                    foreach (var k in intervalsOf[i])
                    {
                        weights[c][k] += lagged.Between(intervals[k].From, intervals[k].To);
                    }
                }
            }
        }

        return weights;
    }

    /// <summary>
    /// The pooled fit of the whole series at the posts' summed weight per interval (<paramref name="weights"/>), and how
    /// well fits on the other stretches predict each one (<see cref="HeldOutError"/>); null when the whole does not fit.
    /// </summary>
    private static (double Drift, double Rate, double HeldOutError)? FitWithHeldOutError(
        IReadOnlyList<(int From, int To, double Hours, double Change)> intervals, double[] weights, double steepest)
    {
        var x = Design(intervals, weights);
        var all = PooledSums.Sum(x);
        return FitPooled(all, steepest) is var (drift, rate) ? (drift, rate, HeldOutError(x, all, steepest)) : null;
    }

    /// <summary>Each interval's hours, the posts' summed weight in it (<paramref name="weights"/>) and its change (weighed by 1/hours): the pooled fit's design.</summary>
    private static PooledSums[] Design(IReadOnlyList<(int From, int To, double Hours, double Change)> intervals, double[] weights) =>
        [.. intervals.Select((interval, k) => PooledSums.Of(interval.Hours, weights[k], interval.Change, 1 / interval.Hours))];

    /// <summary>The posts' summed weight in each interval, over the posts that meet it.</summary>
    private static double[] Weights(IReadOnlyList<LaggedIncrements> posts, IReadOnlyList<(int From, int To, double Hours, double Change)> intervals, int[][] touching) =>
        [.. intervals.Select((interval, k) => touching[k].Sum(i => posts[i].Between(interval.From, interval.To)))];

    /// <summary>
    /// Per interval, the posts (by index, in order) whose windows meet it: the others weigh nothing there, and leaving
    /// them out of the sums changes no result while making the fits' cost the posts live at a time, not all of them.
    /// </summary>
    private static int[][] Touching(IReadOnlyList<PostIncrements> posts, IReadOnlyList<(int From, int To, double Hours, double Change)> intervals)
    {
        var touching = intervals.Select(_ => new List<int>()).ToArray();
        var ends = intervals.Select(i => i.To).ToArray();
        for (var i = 0; i < posts.Count; i++)
        {
            // The intervals follow each other in order, so those a post meets are one run, from the first to end after it opens.
            var first = Array.BinarySearch(ends, posts[i].First);
            for (var k = first >= 0 ? first + 1 : ~first; k < intervals.Count && posts[i].Touches(intervals[k].From, intervals[k].To); k++)
            {
                touching[k].Add(i);
            }
        }

        return [.. touching.Select(t => t.ToArray())];
    }

    /// <summary>The formats' rates scaled together so that over <paramref name="recent"/> they expect what the pooled rate does.</summary>
    private static Dictionary<string, double> Levelled(
        Dictionary<string, double> rates, IReadOnlyList<LaggedIncrements> posts, IReadOnlyList<(int From, int To, double Hours, double Change)> recent, double pooled)
    {
        var (from, to) = (recent[0].From, recent[^1].To);
        var expected = posts.Sum(p => rates[Format(p.Post)] * p.Between(from, to));
        if (expected <= 0)
        {
            return rates;
        }

        var scale = pooled * posts.Sum(p => p.Between(from, to)) / expected;
        return rates.ToDictionary(r => r.Key, r => r.Value * scale, StringComparer.Ordinal);
    }

    /// <summary>The weighted squared error of each stretch's changes predicted by a fit on the rest (infinite when a fold cannot be fitted).</summary>
    private static double HeldOutError(PooledSums[] x, PooledSums all, double steepest)
    {
        var error = 0.0;
        for (var fold = 0; fold < Folds; fold++)
        {
            var held = PooledSums.Sum(x.AsSpan((fold * x.Length / Folds)..((fold + 1) * x.Length / Folds)));
            if (FitPooled(all - held, steepest) is not var (drift, rate))
            {
                return double.PositiveInfinity;
            }

            error += held.Rss(drift, rate);
        }

        return error;
    }

    /// <summary>
    /// Steady posting makes the posts' summed weight nearly constant per hour, so drift and rate trade off against
    /// each other: a drift is kept only if it explains clearly more than the posts alone (an F test of the nested
    /// fits) and is no steeper than any change seen; otherwise the drift is taken as none. Null: no positive rate fits.
    /// </summary>
    private static (double Drift, double Rate)? FitPooled(PooledSums sums, double steepest)
    {
        var alone = sums.Rate() is > 0 and var r0 ? (Drift: 0.0, Rate: r0, Rss: sums.Rss(0, r0)) : ((double Drift, double Rate, double Rss)?)null;
        var withDrift = sums.DriftAndRate() is (var d, > 0 and var r1) && Math.Abs(d) <= steepest
            ? (Drift: d, Rate: r1, Rss: sums.Rss(d, r1))
            : ((double Drift, double Rate, double Rss)?)null;
        var fit = withDrift is { } full && (alone is not { } nested || ClearlyBetter(nested.Rss, full.Rss, sums.Count)) ? withDrift : alone;
        return fit is var (drift, rate, _) ? (drift, rate) : null;
    }

    /// <summary>
    /// The recent stretch's drift and overall conversion, which set the level of every credit: the drift
    /// <see cref="FitPooled"/> keeps, kept in the share 1 − <paramref name="shrink"/>/F of itself (F its F statistic; with the
    /// job's 4, none at 4, half at 8), the rate fitted again under it. Kept whole, a week's drift told from steady posting
    /// was two to five times the true churn on several audiences (docs/learning-yardstick.md, "The level"); shrunk, the
    /// credits erred less on the replay and in the loop, though a drift the series tells well is followed less
    /// (docs/learning-yardstick.md, the trials table, session 53). The delay and the reach exponent are still chosen on
    /// whole fits: shrunk there too, the learner's scores fell on one audience. Weighed with the whole series' drift
    /// instead, the credits erred less on the replay but more in the loop (session 55, the same file).
    /// </summary>
    private static (double Drift, double Rate)? FitLevel(PooledSums sums, double steepest, double shrink)
    {
        var fit = FitPooled(sums, steepest);
        if (fit is not var (drift, rate) || drift == 0 || sums.Rate() is not { } alone)
        {
            return fit;
        }

        var kept = drift * Math.Max(0, 1 - (shrink / FStatistic(sums.Rss(0, alone), sums.Rss(drift, rate), sums.Count)));
        return sums.RateGiven(kept) is > 0 and var keptRate ? (kept, keptRate) : (drift, rate);
    }

    /// <summary>
    /// One conversion rate per format, on what the drift (decided with the delay) leaves: each rate pulled towards the
    /// pooled one (by <paramref name="pull"/> of their own information) and kept within 4× of it.
    /// </summary>
    private static Dictionary<string, double> FitFormats(
        IReadOnlyList<LaggedIncrements> posts, IReadOnlyList<(int From, int To, double Hours, double Change)> intervals, int[][] touching, List<string> formats, double drift, double pooled, double pull)
    {
        var rates = formats.ToDictionary(f => f, _ => pooled, StringComparer.Ordinal);
        if (intervals.Count < MinIntervals || formats.Count < 2)
        {
            return rates;
        }

        var formatOf = posts.Select(p => formats.IndexOf(Format(p.Post))).ToArray();
        var x = intervals.Select((interval, k) =>
        {
            var row = new double[formats.Count];
            foreach (var i in touching[k])
            {
                row[formatOf[i]] += posts[i].Between(interval.From, interval.To);
            }

            return row;
        }).ToList();
        var weights = intervals.Select(i => 1 / i.Hours).ToList();
        var ridge = Enumerable.Range(0, formats.Count).Select(j => pull * x.Select((row, i) => weights[i] * row[j] * row[j]).Sum()).ToArray();
        if (WeightedLeastSquares.Solve(x, [.. intervals.Select(i => i.Change - (drift * i.Hours))], weights, ridge, [.. formats.Select(_ => pooled)]) is not { Coefficients: var theta })
        {
            return rates;
        }

        for (var f = 0; f < formats.Count; f++)
        {
            rates[formats[f]] = Math.Clamp(theta[f], pooled / 4, pooled * 4);
        }

        return rates;
    }

    /// <summary>The one extra parameter's F statistic above 4 (about the 5% level at these sample sizes).</summary>
    private static bool ClearlyBetter(double nestedRss, double fullRss, int rows) =>
        rows > 2 && fullRss > 0 && FStatistic(nestedRss, fullRss, rows) > DriftFTest;

    /// <summary>How much the one extra parameter (the drift) lowers the error, against the full fit's error per degree of freedom.</summary>
    private static double FStatistic(double nestedRss, double fullRss, int rows) => (nestedRss - fullRss) / (fullRss / (rows - 2));

    /// <summary>
    /// The organic churn's variance per hour: what the residuals vary by beyond the posts' own count noise (their
    /// expected follows). Follows and unfollows that have nothing to do with the posts arrive at random, hour by hour.
    /// </summary>
    private static double OrganicVariancePerHour(
        IReadOnlyList<(int From, int To, double Hours, double Change)> intervals, IReadOnlyList<double[]> expected, IReadOnlyList<double> residuals)
    {
        var hours = intervals.Sum(i => i.Hours);
        return hours <= 0 ? 0 : Math.Max(0, residuals.Select((r, k) => (r * r) - expected[k].Sum()).Sum() / hours);
    }

    /// <summary>
    /// The steepest hourly change of the series: no organic drift is steeper. When posting is steady, the posts'
    /// summed weight is nearly constant per hour and a fit can trade an absurd drift against absurd rates (−183
    /// followers an hour against rates 100 times too high was seen on a lagging audience); such a fit is refused.
    /// </summary>
    private static double Steepest(IReadOnlyList<(int From, int To, double Hours, double Change)> intervals) =>
        intervals.Count == 0 ? 0 : intervals.Max(i => Math.Abs(i.Change) / Math.Max(1, i.Hours));

    /// <summary>Readings on the 5-minute grid from <paramref name="start"/>; readings landing on the same slot keep the later one.</summary>
    private static List<(int Index, long Followers)> Snap(IReadOnlyList<FollowerReading> readings, DateTimeOffset start)
    {
        var byIndex = new SortedDictionary<int, long>();
        foreach (var reading in readings.OrderBy(r => r.At))
        {
            byIndex[(int)Math.Round((reading.At - start) / Step)] = reading.Followers;
        }

        return [.. byIndex.Select(p => (p.Key, p.Value))];
    }
}
