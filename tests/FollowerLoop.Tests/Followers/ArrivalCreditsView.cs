using FollowerLoop.Followers;

namespace FollowerLoop.Tests.Followers;

/// <summary>What the tests expect the <c>follower_credit</c> view to give for credits as stored.</summary>
internal static class ArrivalCreditsView
{
    /// <summary>Each arrival's shares: its own credits where it has any, else its window's.</summary>
    public static IEnumerable<ArrivalShare> Of(this ArrivalCredits credits, IEnumerable<Arrival> arrivals)
    {
        var own = credits.Own.ToLookup(c => c.UserId, StringComparer.Ordinal);
        var windows = credits.Windows.ToLookup(w => (w.ArrivedAfter, w.FirstSeenAt));
        return arrivals.SelectMany(a => own.Contains(a.UserId)
            ? own[a.UserId]
            : windows[(a.ArrivedAfter, a.FirstSeenAt)].Select(w => new ArrivalShare(a.UserId, w.PostId, w.Share)));
    }
}

/// <summary>A follower the list showed new: between the passes at <paramref name="ArrivedAfter"/> and <paramref name="FirstSeenAt"/>.</summary>
internal sealed record Arrival(string UserId, DateTimeOffset ArrivedAfter, DateTimeOffset FirstSeenAt);
