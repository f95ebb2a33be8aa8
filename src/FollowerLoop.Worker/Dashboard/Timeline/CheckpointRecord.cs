namespace FollowerLoop.Worker.Dashboard.Timeline;

/// <summary>What one checkpoint recorded, from both tracking tables (a table without a row leaves its fields null).</summary>
public sealed record CheckpointRecord
{
    public required string Phase { get; init; }

    public string? MetricsStatus { get; init; }

    public string? FollowersStatus { get; init; }

    public long? Likes { get; init; }

    public long? Retweets { get; init; }

    public long? Replies { get; init; }

    public long? Views { get; init; }

    public long? Followers { get; init; }

    public double HoursAfterPost { get; init; }

    public DateTimeOffset DueAt { get; init; }

    public DateTimeOffset CheckedAt { get; init; }

    public int Attempts { get; init; }

    public string? MetricsError { get; init; }

    public string? FollowersError { get; init; }

    public TimeSpan Lateness => CheckedAt - DueAt;
}
