namespace FollowerLoop.Worker.Dashboard.Posts;

/// <summary>One recorded checkpoint of a post: each table's status (null when it has no row) and its values.</summary>
public sealed record PhaseValue(string PostId, string Phase, string? MetricsStatus, string? FollowersStatus, long? Likes, long? Views, long? Followers);
