namespace FollowerLoop.Learning;

/// <summary>
/// The named slots of a model's feature vector: one-hot groups (with an "other" slot for labels the model
/// has no weight for), crossed groups and plain values. Names make the vector readable in patterns and tests.
/// </summary>
internal sealed class FeatureLayout
{
    private const string Other = "other";
    private readonly List<string> _names = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

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

    public float[] NewVector() => new float[Count];

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

    private void Add(string name)
    {
        _index.Add(name, _names.Count);
        _names.Add(name);
    }
}
