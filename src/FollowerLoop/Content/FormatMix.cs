namespace FollowerLoop.Content;

/// <summary>
/// How a Plan run's candidates are spread over the post formats: half in proportion to the strategy's
/// content mix, half evenly, so every format keeps being written and the model keeps learning about it.
/// </summary>
public sealed class FormatMix
{
    private const double EvenShare = 0.5;
    private readonly IReadOnlyList<(string Format, double Weight)> _weights;
    private readonly double _total;

    private FormatMix(IReadOnlyList<(string Format, double Weight)> weights, double total)
    {
        _weights = weights;
        _total = total;
    }

    /// <summary>Every format alike: what Plan asks for before a strategy exists.</summary>
    public static FormatMix Even { get; } = new([], 0);

    /// <summary>
    /// The mix of a strategy. Shares of formats the generators do not write as posts (threads, which the
    /// Viral thread job writes) keep their weight but are drawn evenly; non-positive shares count as none.
    /// </summary>
    public static FormatMix From(IReadOnlyDictionary<string, double>? shares)
    {
        var positive = (shares ?? new Dictionary<string, double>()).Where(s => s.Value > 0).ToList();
        return new([.. positive.Where(s => ContentLabels.PostFormats.Contains(s.Key)).Select(s => (s.Key, s.Value))], positive.Sum(s => s.Value));
    }

    public string Draw(Random random)
    {
        if (_total > 0 && random.NextDouble() >= EvenShare)
        {
            var point = random.NextDouble() * _total;
            foreach (var (format, weight) in _weights)
            {
                point -= weight;
                if (point < 0)
                {
                    return format;
                }
            }
        }

        return ContentLabels.PostFormats[random.Next(ContentLabels.PostFormats.Count)];
    }
}
