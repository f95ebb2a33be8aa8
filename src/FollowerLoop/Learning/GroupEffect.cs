using MathNet.Numerics.Distributions;

namespace FollowerLoop.Learning;

/// <summary>
/// How much a group's mean differs from the rest's, with a 95% interval and a two-sided p-value (Welch's normal
/// approximation): the statistic behind readable patterns such as "lists: +5.2 followers per post (95% CI 3.1–7.3, n = 41)".
/// </summary>
public sealed record GroupEffect(string Group, double Effect, double CiLow, double CiHigh, int N, double P)
{
    private const double Z95 = 1.959964;

    /// <summary>One effect per group that has at least <paramref name="minN"/> rows on each side.</summary>
    public static IReadOnlyList<GroupEffect> Compute<T>(IReadOnlyList<T> rows, Func<T, string?> group, Func<T, double> value, int minN = 3)
    {
        var effects = new List<GroupEffect>();
        foreach (var g in rows.Where(r => group(r) is not null).GroupBy(r => group(r)!))
        {
            var inside = g.Select(value).ToList();
            var outside = rows.Where(r => group(r) != g.Key).Select(value).ToList();
            if (inside.Count < minN || outside.Count < minN)
            {
                continue;
            }

            var effect = inside.Average() - outside.Average();
            var se = Math.Sqrt((Variance(inside) / inside.Count) + (Variance(outside) / outside.Count));
            // No spread at all: a difference is certain, none is no evidence.
            var p = se > 0 ? 2 * Normal.CDF(0, 1, -Math.Abs(effect / se)) : effect == 0 ? 1 : 0;
            effects.Add(new GroupEffect(g.Key, effect, effect - (Z95 * se), effect + (Z95 * se), inside.Count, p));
        }

        return effects.OrderByDescending(e => e.Effect).ToList();
    }

    private static double Variance(List<double> xs)
    {
        var mean = xs.Average();
        return xs.Sum(x => (x - mean) * (x - mean)) / (xs.Count - 1);
    }
}
