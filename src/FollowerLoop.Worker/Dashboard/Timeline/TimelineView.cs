namespace FollowerLoop.Worker.Dashboard.Timeline;

/// <summary>Everything a post's timeline shows.</summary>
public sealed record TimelineView
{
    public required string Account { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required TimelinePost Post { get; init; }

    public required IReadOnlyList<TimelinePhase> Phases { get; init; }

    public required IReadOnlyList<TimelineAttribution> Attribution { get; init; }

    /// <summary>False when the database has no Hangfire schema (a dashboard without the job engine).</summary>
    public required bool HasJobStorage { get; init; }
}
