namespace FollowerLoop.Learning;

/// <summary>
/// The weighted sums the pooled fit (change ≈ drift·hours + rate·weight) needs over a run of intervals. Sums add, so a
/// fit on all but one stretch is the whole's sums less the stretch's, and a stretch's squared error under any fit is
/// read off its own sums: the held-out folds cost one pass over the intervals instead of one per fold.
/// </summary>
internal readonly record struct PooledSums(int Count, double HoursHours, double HoursWeight, double WeightWeight, double HoursChange, double WeightChange, double ChangeChange)
{
    /// <summary>One interval's sums, weighed by <paramref name="w"/>.</summary>
    public static PooledSums Of(double hours, double weight, double change, double w) =>
        new(1, w * hours * hours, w * hours * weight, w * weight * weight, w * hours * change, w * weight * change, w * change * change);

    public static PooledSums Sum(ReadOnlySpan<PooledSums> intervals)
    {
        var sum = default(PooledSums);
        foreach (var interval in intervals)
        {
            sum += interval;
        }

        return sum;
    }

    public static PooledSums operator +(PooledSums a, PooledSums b) =>
        new(a.Count + b.Count, a.HoursHours + b.HoursHours, a.HoursWeight + b.HoursWeight, a.WeightWeight + b.WeightWeight,
            a.HoursChange + b.HoursChange, a.WeightChange + b.WeightChange, a.ChangeChange + b.ChangeChange);

    public static PooledSums operator -(PooledSums a, PooledSums b) =>
        new(a.Count - b.Count, a.HoursHours - b.HoursHours, a.HoursWeight - b.HoursWeight, a.WeightWeight - b.WeightWeight,
            a.HoursChange - b.HoursChange, a.WeightChange - b.WeightChange, a.ChangeChange - b.ChangeChange);

    /// <summary>The rate alone (no drift); null when the weights are all zero.</summary>
    public double? Rate() => WeightedLeastSquares.SolveNormalEquations(new[,] { { WeightWeight } }, [WeightChange]) is [var rate] ? rate : null;

    /// <summary>The rate under a given drift; null when the weights are all zero.</summary>
    public double? RateGiven(double drift) => WeightWeight > 0 ? (WeightChange - (drift * HoursWeight)) / WeightWeight : null;

    /// <summary>Drift and rate together; null when they cannot be told apart.</summary>
    public (double Drift, double Rate)? DriftAndRate() =>
        WeightedLeastSquares.SolveNormalEquations(new[,] { { HoursHours, HoursWeight }, { HoursWeight, WeightWeight } }, [HoursChange, WeightChange]) is [var drift, var rate]
            ? (drift, rate)
            : null;

    /// <summary>The weighted squared error of these intervals' changes against drift·hours + rate·weight.</summary>
    public double Rss(double drift, double rate) =>
        ChangeChange - (2 * drift * HoursChange) - (2 * rate * WeightChange)
        + (drift * drift * HoursHours) + (2 * drift * rate * HoursWeight) + (rate * rate * WeightWeight);
}
