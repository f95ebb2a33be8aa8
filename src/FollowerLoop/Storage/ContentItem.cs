namespace FollowerLoop.Storage;

/// <summary>A row of <c>content_metadata</c>: one planned post, reply or thread part.</summary>
public sealed record ContentItem
{
    public required Guid DecisionId { get; init; }

    public required string Account { get; init; }

    public required string Kind { get; init; }

    public required string Text { get; init; }

    public string? Format { get; init; }

    public string? Topic { get; init; }

    public string? Hook { get; init; }

    /// <summary>The candidate's features as JSON (what the model scored).</summary>
    public string Features { get; init; } = "{}";

    /// <summary>Plan's prediction of the followers the post gains by 48h, made before posting.</summary>
    public double? PredictedGain { get; init; }

    /// <summary>The early-velocity model's prediction of the same, made from the post's 2-hour counts.</summary>
    public double? PredictedGain2h { get; init; }

    public string? Policy { get; init; }

    public string Status { get; init; } = ContentStatus.Queued;

    public required DateTimeOffset ScheduledFor { get; init; }

    public required string ContentHash { get; init; }

    public string? ReplyToTweetId { get; init; }

    public Guid? ThreadId { get; init; }

    public int? ThreadPosition { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset? PostingStartedAt { get; init; }

    public string? LastError { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
