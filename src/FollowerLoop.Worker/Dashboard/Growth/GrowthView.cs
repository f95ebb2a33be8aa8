using FollowerLoop.Costs;

namespace FollowerLoop.Worker.Dashboard.Growth;

/// <summary>Everything the growth page shows.</summary>
public sealed record GrowthView
{
    public required string Account { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required GrowthRange Range { get; init; }

    /// <summary>The readings drawn: all of them, or the last of each time bucket when there are more than the chart holds.</summary>
    public required IReadOnlyList<FollowerChartPoint> Readings { get; init; }

    /// <summary>Snapshots and checkpoint readings in the range, drawn or not.</summary>
    public required int ReadingCount { get; init; }

    public required ReadingSource DrawnFrom { get; init; }

    public required FollowerChartPoint? FirstReading { get; init; }

    /// <summary>The latest reading in the range, whichever is drawn: with the first, the change over the range.</summary>
    public required FollowerChartPoint? LastReading { get; init; }

    /// <summary>Followers gained or lost over the range, first reading to last; null without two readings to compare.</summary>
    public long? Change => LastReading is { } last && FirstReading is { } first && last.At > first.At ? last.Followers - first.Followers : null;

    public required IReadOnlyList<PostMarker> Markers { get; init; }

    public required int PostCount { get; init; }

    public required IReadOnlyList<AttributedPost> Attributed { get; init; }

    /// <summary>Each method's sum over the posts it covers (the naive one counts overlapping 48-hour windows).</summary>
    public required IReadOnlyList<MethodTotal> Totals { get; init; }

    /// <summary>Each post counted once, by the best method it has: how many posts each method gave, and their sum.</summary>
    public required IReadOnlyList<MethodTotal> BestTotals { get; init; }

    /// <summary>The range's posts that gained most (by their best method), best first.</summary>
    public required IReadOnlyList<BestPost> BestPosts { get; init; }

    /// <summary>The X API spend of the last 7 days per job, with a month's forecast.</summary>
    public required XApiSpendSummary Spend { get; init; }
}
