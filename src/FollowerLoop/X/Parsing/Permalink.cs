namespace FollowerLoop.X.Parsing;

/// <summary>A post's own link (<c>/{handle}/status/{id}</c>, the one holding its <c>time</c>) and that time.</summary>
public sealed record Permalink(string Handle, string TweetId, DateTimeOffset? PostedAt);
