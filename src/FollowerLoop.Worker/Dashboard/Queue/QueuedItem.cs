namespace FollowerLoop.Worker.Dashboard.Queue;

/// <summary>
/// An item waiting in <c>content_metadata</c> (queued, or being posted right now), with the local hour it is planned
/// for and whether that hour is one the strategy in force chose.
/// </summary>
public sealed record QueuedItem
{
    public required Guid DecisionId { get; init; }

    public required string Kind { get; init; }

    public required string Text { get; init; }

    public string? Format { get; init; }

    public string? Topic { get; init; }

    /// <summary>Plan's prediction of the followers it gains by 48h; null when no gain model scored it.</summary>
    public double? PredictedGain { get; init; }

    /// <summary><c>exploit</c>, <c>explore</c> or <c>manual</c>.</summary>
    public string? Policy { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset ScheduledFor { get; init; }

    public int? ThreadPosition { get; init; }

    public string? ReplyToHandle { get; init; }

    /// <summary>Why an earlier attempt did not post it (it is queued again for another).</summary>
    public string? LastError { get; init; }

    /// <summary>The hour of <see cref="ScheduledFor"/> in the account's time zone.</summary>
    public int LocalHour { get; init; }

    public bool AtStrategyHour { get; init; }
}
