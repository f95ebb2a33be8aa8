using FollowerLoop.Costs;

namespace FollowerLoop.Worker.Dashboard.Growth;

/// <summary>Everything the growth page shows.</summary>
public sealed record GrowthView
{
    public required string Account { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required GrowthRange Range { get; init; }

    /// <summary>The readings drawn: all of them, or the last of each time bucket when there are more than the chart holds.</summary>
    public required IReadOnlyList<FollowerReading> Readings { get; init; }

    /// <summary>Snapshots and checkpoint readings in the range, drawn or not.</summary>
    public required int ReadingCount { get; init; }

    public required ReadingSource DrawnFrom { get; init; }

    public required FollowerReading? FirstReading { get; init; }

    public required IReadOnlyList<PostMarker> Markers { get; init; }

    public required int PostCount { get; init; }

    public required IReadOnlyList<AttributedPost> Attributed { get; init; }

    public required IReadOnlyList<MethodTotal> Totals { get; init; }

    /// <summary>The X API spend of the last 7 days per job, with a month's forecast.</summary>
    public required XApiSpendSummary Spend { get; init; }
}
