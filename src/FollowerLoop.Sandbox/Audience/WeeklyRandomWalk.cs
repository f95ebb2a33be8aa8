namespace FollowerLoop.Sandbox.Audience;

/// <summary>
/// The drift of the format and topic weights: week 0 (from the epoch) adds nothing, and each later week adds a
/// N(0, sd) step to every weight. Step k of a weight comes from its own stream keyed by (seed, weight, k), so a
/// run is repeatable and asking about one week never changes another. Running sums are cached.
/// </summary>
internal sealed class WeeklyRandomWalk(int seed, double sdPerWeek, DateTimeOffset epoch)
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<double>> _cumulative = new(StringComparer.Ordinal);

    /// <summary>Whole weeks since the epoch (0 before it).</summary>
    public int WeekOf(DateTimeOffset at) => Math.Max(0, (int)Math.Floor((at - epoch) / Week));

    /// <summary>How far the weight named <paramref name="name"/> has walked by <paramref name="at"/>.</summary>
    public double Offset(string name, DateTimeOffset at)
    {
        var week = WeekOf(at);
        if (week == 0 || sdPerWeek == 0)
        {
            return 0;
        }

        lock (_lock)
        {
            if (!_cumulative.TryGetValue(name, out var sums))
            {
                sums = [0];
                _cumulative.Add(name, sums);
            }

            for (var k = sums.Count; k <= week; k++)
            {
                sums.Add(sums[k - 1] + new DeterministicRandom(seed, $"drift/{name}", k).NextNormal(0, sdPerWeek));
            }

            return sums[week];
        }
    }
}
