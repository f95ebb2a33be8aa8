using FollowerLoop.Followers;
using FollowerLoop.Worker.Dashboard.Growth;

namespace FollowerLoop.Worker.Dashboard.Followers;

/// <summary>Everything the followers page shows.</summary>
public sealed record FollowersView
{
    public required string Account { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required GrowthRange Range { get; init; }

    /// <summary>Null until the Followers job has read the list once: the page then says so instead of showing zeros.</summary>
    public required LastPass? LastPass { get; init; }

    public required IReadOnlyList<FollowerDay> Days { get; init; }

    public required int Arrivals { get; init; }

    public required int Departures { get; init; }

    public required IReadOnlyList<RetentionWeek> Weeks { get; init; }

    public required IReadOnlyList<BandCount> Bands { get; init; }

    public required IReadOnlyList<ReasonCount> Reasons { get; init; }

    /// <summary>The posts whose credited arrivals stayed most, at most <see cref="FollowersQuery.MaxPosts"/>.</summary>
    public required IReadOnlyList<CreditedPost> Posts { get; init; }
}
