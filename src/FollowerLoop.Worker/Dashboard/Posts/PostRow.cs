namespace FollowerLoop.Worker.Dashboard.Posts;

/// <summary>A posted item as the posts page lists it.</summary>
public sealed record PostRow(string PostId, DateTimeOffset PostedAt, string Kind, string Text, string? Format, string? Topic);
