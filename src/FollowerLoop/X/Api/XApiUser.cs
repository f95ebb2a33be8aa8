namespace FollowerLoop.X.Api;

/// <summary>A <c>/2/users/…</c> answer with <c>user.fields=public_metrics,description</c>; counts and description null when absent.</summary>
internal sealed record XApiUser(string Id, string Username, long? Followers, long? Following, string? Description = null);
