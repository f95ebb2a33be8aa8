namespace FollowerLoop.Learning;

/// <summary>
/// The engagement-share fit as weights over time: the follows each post was expected to bring in any window (its lagged
/// views or visits there times its format's rate), so an arrival seen in that window can be shared among the posts live
/// then. Windows outside the fitted series weigh nothing.
/// </summary>
public sealed class ArrivalWeights
{
    private readonly DateTimeOffset _start;
    private readonly TimeSpan _step;
    private readonly IReadOnlyList<(string PostId, double Rate, LaggedIncrements Increments)> _posts;

    internal ArrivalWeights(DateTimeOffset start, TimeSpan step, IReadOnlyList<(string PostId, double Rate, LaggedIncrements Increments)> posts)
    {
        _start = start;
        _step = step;
        _posts = posts;
    }

    /// <summary>No fit: nothing is expected of any post.</summary>
    public static ArrivalWeights None { get; } = new(default, TimeSpan.FromMinutes(5), []);

    /// <summary>The follows each post was expected to bring between <paramref name="from"/> and <paramref name="to"/> (posts expecting none left out).</summary>
    public IReadOnlyDictionary<string, double> Expected(DateTimeOffset from, DateTimeOffset to)
    {
        var (first, last) = ((int)Math.Round((from - _start) / _step), (int)Math.Round((to - _start) / _step));
        return _posts
            .Select(p => (p.PostId, Follows: p.Rate * p.Increments.Between(first, last)))
            .Where(p => p.Follows > 0)
            .ToDictionary(p => p.PostId, p => p.Follows, StringComparer.Ordinal);
    }
}
