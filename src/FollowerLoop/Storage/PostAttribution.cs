namespace FollowerLoop.Storage;

/// <summary>A row of <c>post_attribution</c>: followers credited to a post by one method.</summary>
public sealed record PostAttribution(
    string PostId,
    string Method,
    double? AttributedFollowers,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    DateTimeOffset ComputedAt);
