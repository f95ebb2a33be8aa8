namespace FollowerLoop.Worker.Dashboard.Posts;

/// <summary>Followers one method attributed to a post; null when it could not tell.</summary>
public sealed record PostAttributionValue(string PostId, string Method, double? Followers);
