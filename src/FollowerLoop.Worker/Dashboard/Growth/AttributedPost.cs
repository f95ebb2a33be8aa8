namespace FollowerLoop.Worker.Dashboard.Growth;

/// <summary>Followers one method attributed to one post; null when the method could not tell.</summary>
public sealed record AttributedPost(string PostId, DateTimeOffset PostedAt, string Text, string Method, double? Followers);
