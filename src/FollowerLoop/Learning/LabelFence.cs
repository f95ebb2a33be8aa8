using MathNet.Numerics.Statistics;

namespace FollowerLoop.Learning;

/// <summary>
/// Caps training labels far above their group's (Tukey's fence, Q3 + 1.5 IQR, on each label's ratio to the mean
/// of the other labels in its group: a viral label does not raise its own yardstick). One viral post then cannot
/// make its format look best for weeks, while a format that is always far better keeps its labels: its ratios to
/// its own mean are ordinary. Rows without a group, or alone in theirs, keep their labels. Only training sees capped
/// labels; errors are measured on the true ones. 1.5 IQR, not the far-out 3, and the others' mean, not the group's:
/// the lowest held-out error on the trainers benchmark (its README row).
/// </summary>
public static class LabelFence
{
    private const double IqrMultiple = 1.5;

    public static float[] Capped(IReadOnlyList<TrainingExample> rows)
    {
        var labels = rows.Select(r => r.Label).ToArray();
        var groups = rows.Where(r => r.OutlierGroup is not null)
            .GroupBy(r => r.OutlierGroup!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Sum: g.Sum(r => (double)r.Label), Count: g.Count()), StringComparer.Ordinal);
        var othersMeans = rows.Select(r => r.OutlierGroup is { } g && groups[g].Count > 1 ? (groups[g].Sum - r.Label) / (groups[g].Count - 1) : 0).ToArray();
        var ratios = rows.Select((r, i) => othersMeans[i] > 0 ? r.Label / othersMeans[i] : (double?)null).ToArray();
        var sorted = ratios.OfType<double>().Order().ToArray();
        if (sorted.Length < 4)
        {
            return labels;
        }

        var q1 = SortedArrayStatistics.QuantileCustom(sorted, 0.25, QuantileDefinition.R7);
        var q3 = SortedArrayStatistics.QuantileCustom(sorted, 0.75, QuantileDefinition.R7);
        var fence = q3 + (IqrMultiple * (q3 - q1));
        for (var i = 0; i < labels.Length; i++)
        {
            if (ratios[i] > fence)
            {
                labels[i] = (float)(fence * othersMeans[i]);
            }
        }

        return labels;
    }
}
