using System.Globalization;

namespace FollowerLoop.Learning;

/// <summary>
/// The named slots of a model's feature vector: one-hot groups (with an "other" slot for labels the model
/// has no weight for), crossed groups, plain values, and bases whose weights learn a shape (piecewise-linear
/// curves, daily cycles, step counts). Names make the vector readable in patterns and tests.
/// </summary>
internal sealed class FeatureLayout
{
    private const string Other = "other";
    private readonly List<string> _names = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double[]> _curves = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _steps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _periods = new(StringComparer.Ordinal);

    public int Count => _names.Count;

    public IReadOnlyList<string> Names => _names;

    /// <summary>
    /// <paramref name="prefix"/> and a hash of the slot names in order: a model stored with another layout (a
    /// topic added, slots reordered) is never read with this one.
    /// </summary>
    public string Schema(string prefix) =>
        $"{prefix}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', _names))))[..12]}";

    public FeatureLayout OneHot(string group, IReadOnlyList<string> values, bool withOther = true)
    {
        foreach (var value in withOther ? [.. values, Other] : values)
        {
            Add($"{group}={value}");
        }

        return this;
    }

    /// <summary>One slot per pair of known values (no "other"): interactions such as format × topic.</summary>
    public FeatureLayout Cross(string first, IReadOnlyList<string> firstValues, string second, IReadOnlyList<string> secondValues)
    {
        foreach (var a in firstValues)
        {
            foreach (var b in secondValues)
            {
                Add($"{first}={a}&{second}={b}");
            }
        }

        return this;
    }

    public FeatureLayout Values(params string[] names)
    {
        foreach (var name in names)
        {
            Add(name);
        }

        return this;
    }

    /// <summary>
    /// One slot per knot (a "hat" each): a value between two knots is shared between them in proportion to its
    /// distance, so the weights are the curve's height at the knots and the model learns any piecewise-linear
    /// shape. Values beyond the ends count as the end knot.
    /// </summary>
    public FeatureLayout Curve(string name, IReadOnlyList<double> knots)
    {
        foreach (var knot in AddKnots(name, knots))
        {
            Add(Knot(name, knot));
        }

        return this;
    }

    /// <summary>
    /// <paramref name="knots"/> evenly spaced knots on a cycle of <paramref name="period"/> (hours of a day): a
    /// value past the last knot is shared with the first, so 23:00 and 01:00 are neighbours.
    /// </summary>
    public FeatureLayout Cycle(string name, double period, int knots)
    {
        foreach (var knot in AddCycleKnots(name, period, knots))
        {
            Add(Knot(name, knot));
        }

        return this;
    }

    /// <summary>
    /// A cycle per value of a one-hot group (<paramref name="name"/> with <paramref name="knots"/> evenly spaced knots
    /// over <paramref name="period"/>): interactions such as topic × hour of the day, whose shape is learned.
    /// </summary>
    public FeatureLayout CycleCross(string group, IReadOnlyList<string> values, string name, double period, int knots)
    {
        var cycle = AddCycleKnots(name, period, knots);
        foreach (var value in values)
        {
            foreach (var knot in cycle)
            {
                Add($"{group}={value}&{Knot(name, knot)}");
            }
        }

        return this;
    }

    /// <summary>
    /// Cumulative steps ("at least t") for counts: each weight is what one more step adds, so the L2 penalty
    /// prefers a flat curve beyond what the data shows, and a cap is learned rather than assumed.
    /// </summary>
    public FeatureLayout Steps(string name, IReadOnlyList<int> thresholds)
    {
        _steps.Add(name, [.. thresholds]);
        foreach (var threshold in thresholds)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"{name}>={threshold}"));
        }

        return this;
    }

    public float[] NewVector() => new float[Count];

    /// <summary>Spreads <paramref name="value"/> over the curve's two nearest knots (clamped to its ends).</summary>
    public void SetCurve(float[] vector, string name, double value)
    {
        var knots = _curves[name];
        var x = Math.Clamp(value, knots[0], knots[^1]);
        var right = 1;
        while (right < knots.Length - 1 && knots[right] < x)
        {
            right++;
        }

        var share = (x - knots[right - 1]) / (knots[right] - knots[right - 1]);
        vector[_index[Knot(name, knots[right - 1])]] += (float)(1 - share);
        vector[_index[Knot(name, knots[right])]] += (float)share;
    }

    /// <summary>Spreads <paramref name="value"/> over the cycle's two nearest knots (the last and the first are neighbours).</summary>
    public void SetCycle(float[] vector, string name, double value)
    {
        var (left, right, share) = CycleKnots(name, value);
        vector[_index[left]] += (float)(1 - share);
        vector[_index[right]] += (float)share;
    }

    /// <summary>
    /// <see cref="SetCycle"/> on the cycle of <paramref name="groupValue"/> (<see cref="CycleCross"/>), times
    /// <paramref name="scale"/>; nothing for a value the group does not know.
    /// </summary>
    public void SetCycleCross(float[] vector, string group, string? groupValue, string name, double value, float scale)
    {
        var (left, right, share) = CycleKnots(name, value);
        if (_index.TryGetValue($"{group}={groupValue}&{left}", out var leftSlot) && _index.TryGetValue($"{group}={groupValue}&{right}", out var rightSlot))
        {
            vector[leftSlot] += (float)(1 - share) * scale;
            vector[rightSlot] += (float)share * scale;
        }
    }

    /// <summary>The names of the two knots either side of <paramref name="value"/> on the cycle, and the right one's share.</summary>
    private (string Left, string Right, double Share) CycleKnots(string name, double value)
    {
        var knots = _curves[name];
        var period = _periods[name];
        var x = ((value % period) + period) % period / (period / knots.Length);
        var left = (int)Math.Floor(x) % knots.Length;
        return (Knot(name, knots[left]), Knot(name, knots[(left + 1) % knots.Length]), x - Math.Floor(x));
    }

    public void SetSteps(float[] vector, string name, int count)
    {
        foreach (var threshold in _steps[name])
        {
            vector[_index[string.Create(CultureInfo.InvariantCulture, $"{name}>={threshold}")]] = count >= threshold ? 1 : 0;
        }
    }

    /// <summary>Sets the group's slot for <paramref name="value"/>, or its "other" slot (when it has one) for an unknown value.</summary>
    public void SetOneHot(float[] vector, string group, string? value)
    {
        if (_index.TryGetValue($"{group}={value}", out var slot) || _index.TryGetValue($"{group}={Other}", out slot))
        {
            vector[slot] = 1;
        }
    }

    public void SetCross(float[] vector, string first, string? firstValue, string second, string? secondValue, float value)
    {
        if (_index.TryGetValue($"{first}={firstValue}&{second}={secondValue}", out var slot))
        {
            vector[slot] = value;
        }
    }

    public void Set(float[] vector, string name, double value) => vector[_index[name]] = (float)value;

    /// <summary>Registers a curve's knots (at least two, increasing), which <see cref="SetCurve"/> and <see cref="SetCycle"/> read.</summary>
    private double[] AddKnots(string name, IReadOnlyList<double> knots)
    {
        if (knots.Count < 2 || knots.Zip(knots.Skip(1)).Any(pair => pair.Second <= pair.First))
        {
            throw new ArgumentException("A curve needs at least two knots in increasing order.", nameof(knots));
        }

        double[] registered = [.. knots];
        _curves.Add(name, registered);
        return registered;
    }

    /// <summary>Registers <paramref name="knots"/> evenly spaced knots on a cycle of <paramref name="period"/>.</summary>
    private double[] AddCycleKnots(string name, double period, int knots)
    {
        _periods.Add(name, period);
        return AddKnots(name, [.. Enumerable.Range(0, knots).Select(k => k * period / knots)]);
    }

    private static string Knot(string name, double knot) => string.Create(CultureInfo.InvariantCulture, $"{name}@{knot:0.##}");

    private void Add(string name)
    {
        _index.Add(name, _names.Count);
        _names.Add(name);
    }
}
