namespace FollowerLoop.Content;

/// <summary>
/// How a Plan run's candidates are spread over the post formats: half in proportion to the strategy's
/// content mix, half evenly, so every format keeps being written and the model keeps learning about it.
/// </summary>
public sealed class FormatMix
{
    private const double EvenShare = 0.5;
    private readonly IReadOnlyList<(string Format, double Weight)> _weights;

    private FormatMix(IReadOnlyList<(string Format, double Weight)> weights) => _weights = weights;

    /// <summary>Every format alike: what Plan asks for before a strategy exists.</summary>
    public static FormatMix Even { get; } = new([]);

    /// <summary>The mix of a strategy; formats the generators do not write and non-positive shares are ignored.</summary>
    public static FormatMix From(IReadOnlyDictionary<string, double>? shares) =>
        new([.. ContentLabels.PostFormats.Select(f => (f, shares?.GetValueOrDefault(f) ?? 0)).Where(w => w.Item2 > 0)]);

    public string Draw(Random random)
    {
        if (_weights.Count == 0 || random.NextDouble() < EvenShare)
        {
            return ContentLabels.PostFormats[random.Next(ContentLabels.PostFormats.Count)];
        }

        var point = random.NextDouble() * _weights.Sum(w => w.Weight);
        foreach (var (format, weight) in _weights)
        {
            point -= weight;
            if (point < 0)
            {
                return format;
            }
        }

        return _weights[^1].Format;
    }
}
