using MathNet.Numerics.Statistics;

namespace FollowerLoop.Learning;

/// <summary>
/// Caps training labels far above their group's (Tukey's far-out fence, Q3 + 3 IQR, on each label's ratio to
/// its group's mean label). One viral post then cannot make its format look best for weeks, while a format
/// that is always far better keeps its labels: its ratios to its own mean are ordinary. Rows without a group
/// keep theirs. Only training sees capped labels; errors are measured on the true ones.
/// </summary>
public static class LabelFence
{
    private const double FarOut = 3;

    public static float[] Capped(IReadOnlyList<TrainingExample> rows)
    {
        var labels = rows.Select(r => r.Label).ToArray();
        var means = rows.Where(r => r.OutlierGroup is not null)
            .GroupBy(r => r.OutlierGroup!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Average(r => (double)r.Label), StringComparer.Ordinal);
        var ratios = rows.Select(r => r.OutlierGroup is { } g && means[g] > 0 ? r.Label / means[g] : (double?)null).ToArray();
        var sorted = ratios.OfType<double>().Order().ToArray();
        if (sorted.Length < 4)
        {
            return labels;
        }

        var q1 = SortedArrayStatistics.QuantileCustom(sorted, 0.25, QuantileDefinition.R7);
        var q3 = SortedArrayStatistics.QuantileCustom(sorted, 0.75, QuantileDefinition.R7);
        var fence = q3 + (FarOut * (q3 - q1));
        for (var i = 0; i < labels.Length; i++)
        {
            if (ratios[i] > fence)
            {
                labels[i] = (float)(fence * means[rows[i].OutlierGroup!]);
            }
        }

        return labels;
    }
}
