namespace FollowerLoop.Followers;

/// <summary>
/// Arrivals credited to posts: the arrivals credited for certain, each whole to the post whose likers named them, and
/// what each other arrival of a window is credited, stored once for the window (<c>arrival_window_credit</c>).
/// </summary>
public sealed record ArrivalCredits(IReadOnlyList<ArrivalShare> Certain, IReadOnlyList<WindowShare> Windows)
{
    /// <summary>Each arrival's shares as the <c>follower_credit</c> view gives them: its own credits where it has any, else its window's.</summary>
    public IEnumerable<ArrivalShare> Of(IEnumerable<Arrival> arrivals)
    {
        var own = Certain.ToLookup(c => c.UserId, StringComparer.Ordinal);
        var windows = Windows.ToLookup(w => (w.ArrivedAfter, w.FirstSeenAt));
        return arrivals.SelectMany(a => own.Contains(a.UserId)
            ? own[a.UserId]
            : windows[(a.ArrivedAfter, a.FirstSeenAt)].Select(w => new ArrivalShare(a.UserId, w.PostId, w.Share)));
    }
}
