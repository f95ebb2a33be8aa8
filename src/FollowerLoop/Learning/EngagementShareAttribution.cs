namespace FollowerLoop.Learning;

/// <summary>
/// Shares the account's follower changes out among overlapping posts. The follower series (snapshots and
/// checkpoint readings) is cut into intervals; each post's weight in an interval is its views gained there,
/// delayed by a lag (people follow some hours after they see a post), times its format's conversion rate.
/// One weighted regression of the interval changes on elapsed time and the weights gives the organic drift
/// per hour, the lag (the candidate that fits best) and the conversion per format (pulled towards the
/// pooled rate). Each interval's change minus its drift is then shared in proportion to the weights.
/// </summary>
public static class EngagementShareAttribution
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(48);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    private static readonly double[] LagCandidates = [0, 2, 4, 6, 9, 12];
    private const int MinIntervals = 12;

    // A post is weighed once a checkpoint of 2 hours or more measured its views: the baseline alone, taken
    // seconds after posting, would be carried along the accrual shape hundreds of times over.
    private const double MinMeasuredHours = 1.5;
    private const string OtherFormat = "other";

    // Per-format rates are pulled towards the pooled one by this share of their own information.
    private const double FormatPull = 0.5;

    public static AttributionEstimate Estimate(IReadOnlyList<FollowerReading> readings, IReadOnlyList<PostViews> posts)
    {
        var start = readings.Count > 0 ? readings.Min(r => r.At) : default;
        var points = Snap(readings, start);
        var measured = posts.Where(p => p.Checkpoints.Any(c => c.Hours >= MinMeasuredHours)).ToList();
        if (points.Count < 2 || measured.Count == 0)
        {
            return new AttributionEstimate(posts.ToDictionary(p => p.PostId, _ => (double?)null), 0, 0, new Dictionary<string, double>(), 0);
        }

        var shape = AccrualShape.From(measured);
        var last = points[^1].Index;
        var increments = measured.Select(p => PostIncrements.Of(p, new ViewCurve(p, shape), start, Step, last)).ToList();
        var intervals = points.Zip(points.Skip(1), (a, b) => (From: a.Index, To: b.Index, Hours: (b.Index - a.Index) * Step.TotalHours, Change: (double)(b.Followers - a.Followers))).ToList();

        var (lag, drift, pooled) = FitLag(increments, intervals);
        var lagged = increments.Select(p => p.Lagged(lag, Step)).ToList();
        var formats = lagged.Select(p => Format(p.Post)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var (formatDrift, rates) = FitFormats(lagged, intervals, formats, drift, pooled);

        var followers = posts.ToDictionary(p => p.PostId, _ => (double?)null);
        foreach (var post in lagged.Where(p => p.Post.PostedAt < start + (last * Step)))
        {
            followers[post.Post.PostId] = 0;
        }

        foreach (var (from, to, hours, change) in intervals)
        {
            var weights = lagged.Select(p => rates[Format(p.Post)] * p.Between(from, to)).ToList();
            var total = weights.Sum();
            if (total <= 0)
            {
                continue;
            }

            var remaining = change - (formatDrift * hours);
            for (var i = 0; i < lagged.Count; i++)
            {
                if (weights[i] > 0)
                {
                    followers[lagged[i].Post.PostId] += remaining * weights[i] / total;
                }
            }
        }

        return new AttributionEstimate(followers, formatDrift, lag, rates.ToDictionary(r => r.Key, r => r.Value * 1000), intervals.Count);
    }

    private static string Format(PostViews post) => post.Format ?? OtherFormat;

    /// <summary>The lag whose pooled fit (change ≈ drift·hours + rate·weight) leaves the least error; no lag and no drift when the series is too short to fit.</summary>
    private static (double Lag, double Drift, double Rate) FitLag(IReadOnlyList<PostIncrements> posts, IReadOnlyList<(int From, int To, double Hours, double Change)> intervals)
    {
        (double Lag, double Drift, double Rate, double Rss)? best = null;
        if (intervals.Count >= MinIntervals)
        {
            foreach (var lag in LagCandidates)
            {
                var lagged = posts.Select(p => p.Lagged(lag, Step)).ToList();
                var x = intervals.Select(i => new[] { i.Hours, lagged.Sum(p => p.Between(i.From, i.To)) }).ToList();
                var fit = WeightedLeastSquares.Solve(x, [.. intervals.Select(i => i.Change)], [.. intervals.Select(i => 1 / i.Hours)]);
                if (fit is { Coefficients: [var drift, > 0 and var rate], Rss: var rss } && (best is null || rss < best.Value.Rss))
                {
                    best = (lag, drift, rate, rss);
                }
            }
        }

        return best is { } b ? (b.Lag, b.Drift, b.Rate) : (0, 0, 1);
    }

    /// <summary>Drift and one conversion rate per format, each rate pulled towards the pooled one and kept within 4× of it.</summary>
    private static (double Drift, Dictionary<string, double> Rates) FitFormats(
        IReadOnlyList<LaggedIncrements> posts, IReadOnlyList<(int From, int To, double Hours, double Change)> intervals, List<string> formats, double drift, double pooled)
    {
        var rates = formats.ToDictionary(f => f, _ => pooled, StringComparer.Ordinal);
        if (intervals.Count < MinIntervals || formats.Count < 2)
        {
            return (drift, rates);
        }

        var x = intervals.Select(i =>
        {
            var row = new double[formats.Count + 1];
            row[0] = i.Hours;
            foreach (var post in posts)
            {
                row[1 + formats.IndexOf(Format(post.Post))] += post.Between(i.From, i.To);
            }

            return row;
        }).ToList();
        var weights = intervals.Select(i => 1 / i.Hours).ToList();
        var information = Enumerable.Range(0, formats.Count + 1).Select(j => x.Select((row, i) => weights[i] * row[j] * row[j]).Sum()).ToArray();
        var ridge = information.Select((info, j) => j == 0 ? 0 : FormatPull * info).ToArray();
        var prior = new[] { drift }.Concat(formats.Select(_ => pooled)).ToArray();
        if (WeightedLeastSquares.Solve(x, [.. intervals.Select(i => i.Change)], weights, ridge, prior) is not { Coefficients: var theta })
        {
            return (drift, rates);
        }

        for (var f = 0; f < formats.Count; f++)
        {
            rates[formats[f]] = Math.Clamp(theta[f + 1], pooled / 4, pooled * 4);
        }

        return (theta[0], rates);
    }

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
