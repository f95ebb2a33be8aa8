namespace FollowerLoop.Worker.Dashboard.Strategy;

/// <summary>Everything the strategy page shows: the strategy in force, the ones before it, and Plan's settings beside them.</summary>
public sealed record StrategyView
{
    public required string Account { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required string TimeZone { get; init; }

    /// <summary>Newest first; the first is in force.</summary>
    public required IReadOnlyList<StrategyRow> Strategies { get; init; }

    /// <summary>The hours Plan uses before any strategy exists.</summary>
    public required IReadOnlyList<int> DefaultHours { get; init; }

    public required int PostsPerDay { get; init; }

    public required int HourGap { get; init; }

    public required int Patterns { get; init; }

    public StrategyRow? Current => Strategies.Count > 0 ? Strategies[0] : null;
}
