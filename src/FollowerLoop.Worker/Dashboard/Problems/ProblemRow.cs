namespace FollowerLoop.Worker.Dashboard.Problems;

/// <summary>
/// One problem: when, what kind, what it concerns (an item's text, a post's checkpoint, a job) and the reason as
/// recorded (X's own error where X gave one).
/// </summary>
public sealed record ProblemRow
{
    public required string Kind { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The item's or post's text; null for a job.</summary>
    public string? Text { get; init; }

    /// <summary>The item's kind, the checkpoint's phase or the job's name.</summary>
    public required string Detail { get; init; }

    public string? Reason { get; init; }

    /// <summary>The post a failed checkpoint belongs to (its timeline).</summary>
    public string? PostId { get; init; }
}
