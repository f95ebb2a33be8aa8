namespace FollowerLoop.Storage;

/// <summary>A row of <c>post_velocity_tracking</c>: a post's counts at one phase (null = unknown).</summary>
public sealed record VelocityCheckpoint
{
    public required string PostId { get; init; }

    public required string Phase { get; init; }

    public required string Status { get; init; }

    public long? Likes { get; init; }

    public long? Retweets { get; init; }

    public long? Replies { get; init; }

    public long? Bookmarks { get; init; }

    public long? Views { get; init; }

    public long? Quotes { get; init; }

    public long? UrlLinkClicks { get; init; }

    public required double HoursAfterPost { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    public required DateTimeOffset CheckedAt { get; init; }

    public int Attempts { get; init; } = 1;

    public string? Error { get; init; }
}
