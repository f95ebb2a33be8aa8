namespace FollowerLoop.Storage;

/// <summary>A row of <c>unified_outcomes</c>: the latest known metrics of a post (null = unknown).</summary>
public sealed record UnifiedOutcome
{
    public required Guid DecisionId { get; init; }

    public required string PostId { get; init; }

    public long? Likes { get; init; }

    public long? Retweets { get; init; }

    public long? Replies { get; init; }

    public long? Bookmarks { get; init; }

    public long? Views { get; init; }

    /// <summary>(likes + reposts + replies + bookmarks) / views; null when any of them is unknown or views is 0.</summary>
    public double? EngagementRate { get; init; }

    public required string CollectionPhase { get; init; }

    public required DateTimeOffset CollectedAt { get; init; }
}
