using FollowerLoop.X;

namespace FollowerLoop.Followers;

/// <summary>
/// What one pass over X's followers list (newest first) says against the followers already known: who arrived, who
/// is still there, who left. A partial pass reads down to the first follower still known to follow; the known ones
/// listed above it last time had to be read again, so those missing have left. A pass that read the whole list sees
/// every departure. Positions follow X's order, newer higher.
/// </summary>
public sealed record FollowerPass(IReadOnlyList<ListedFollower> Listed, IReadOnlySet<string> Arrivals, IReadOnlyList<string> Departures)
{
    /// <param name="current">Followers known to follow (not left), by user id, with their list positions.</param>
    /// <param name="read">What the pass read, newest first (a partial pass's last one is the first known follower).</param>
    /// <param name="wholeList">Whether the pass read to the end of the list.</param>
    public static FollowerPass Compare(IReadOnlyDictionary<string, long> current, IReadOnlyList<XFollower> read, bool wholeList)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(read);
        var unique = read.DistinctBy(f => f.UserId, StringComparer.Ordinal).ToList();
        var seen = unique.Select(f => f.UserId).ToHashSet(StringComparer.Ordinal);
        var arrivals = seen.Where(id => !current.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        var stop = wholeList ? (long?)null : unique.Select(f => current.TryGetValue(f.UserId, out var p) ? p : (long?)null).FirstOrDefault(p => p is not null);
        var departures = current
            .Where(known => !seen.Contains(known.Key) && (wholeList || (stop is { } below && known.Value > below)))
            .Select(known => known.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new FollowerPass(Place(current, unique, arrivals.Count), arrivals, departures);
    }

    /// <summary>
    /// The arrivals go above every position given before. The known keep theirs while X lists them in the same order
    /// below the arrivals, so a full pass leaves the rows of those who stayed as they were (rewriting every row weekly
    /// bloats the table); otherwise everyone read is numbered anew.
    /// </summary>
    private static List<ListedFollower> Place(IReadOnlyDictionary<string, long> current, List<XFollower> unique, int arrivals)
    {
        var top = current.Count == 0 ? 0 : current.Values.Max();
        var known = unique.Skip(arrivals).Select(f => current.TryGetValue(f.UserId, out var p) ? p : (long?)null).ToList();
        var keepsOrder = known.All(p => p is not null) && known.Zip(known.Skip(1)).All(pair => pair.First > pair.Second);
        return keepsOrder
            ? [.. unique.Select((follower, i) => new ListedFollower(follower, i < arrivals ? top + arrivals - i : known[i - arrivals]!.Value))]
            : [.. unique.Select((follower, i) => new ListedFollower(follower, top + unique.Count - i))];
    }
}
