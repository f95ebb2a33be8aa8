namespace FollowerLoop.Storage;

/// <summary>A row of <c>post_follower_tracking</c>: the account's followers at one phase of a post.</summary>
public sealed record FollowerCheckpoint
{
    public required string PostId { get; init; }

    public required string Phase { get; init; }

    public required string Status { get; init; }

    public long? Followers { get; init; }

    public bool? FollowersExact { get; init; }

    /// <summary>Visits to the account's profile from this post by this phase (X's <c>user_profile_clicks</c>); null where X does not give it.</summary>
    public long? ProfileViews { get; init; }

    public required double HoursAfterPost { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    public required DateTimeOffset CheckedAt { get; init; }

    public int Attempts { get; init; } = 1;

    public string? Error { get; init; }
}
