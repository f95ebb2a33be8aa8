using FollowerLoop.Worker.Dashboard.Shared;

namespace FollowerLoop.Worker.Dashboard.Queue;

/// <summary>Everything the queue page shows, and the antiforgery field its forms post back.</summary>
public sealed record QueueView
{
    public required string Account { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>What waits, earliest first (a thread's parts in order).</summary>
    public required IReadOnlyList<QueuedItem> Items { get; init; }

    /// <summary>The local hours Plan fills: the latest strategy's, or spread over the day before one exists.</summary>
    public required IReadOnlyList<int> Hours { get; init; }

    /// <summary>When the strategy in force was computed; null before the first.</summary>
    public DateTimeOffset? StrategyAt { get; init; }

    public required string TimeZone { get; init; }

    public required string AntiforgeryField { get; init; }

    public required string AntiforgeryToken { get; init; }

    public FormOutcome? Notice { get; init; }
}
