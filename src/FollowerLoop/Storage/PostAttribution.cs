namespace FollowerLoop.Storage;

/// <summary>A row of <c>post_attribution</c>: followers credited to a post by one method.</summary>
/// <param name="DueFollowers">Engagement share only: what the post was due by its reach, without its luck (what Learn trains on).</param>
public sealed record PostAttribution(
    string PostId,
    string Method,
    double? AttributedFollowers,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    DateTimeOffset ComputedAt,
    double? DueFollowers = null);
