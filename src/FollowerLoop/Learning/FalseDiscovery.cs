namespace FollowerLoop.Learning;

/// <summary>
/// Benjamini–Hochberg: with many comparisons (every format, topic, hook, hour block and weekday against the rest) some
/// look real by chance. Each p-value becomes a q-value, the smallest false discovery rate at which it would be called a
/// finding; calling those with q ≤ 5% a finding keeps the expected share of false findings among them at 5% at most.
/// </summary>
public static class FalseDiscovery
{
    public const double Rate = 0.05;

    /// <summary>The q-values of <paramref name="pValues"/>, in their order: min over j ≥ rank of p(j)·m/j, at most 1.</summary>
    public static double[] QValues(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var q = new double[m];
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var i = order[rank - 1];
            running = Math.Min(running, pValues[i] * m / rank);
            q[i] = running;
        }

        return q;
    }
}
