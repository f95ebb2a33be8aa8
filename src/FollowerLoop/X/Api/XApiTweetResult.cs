namespace FollowerLoop.X.Api;

/// <summary>One id of a <c>GET /2/tweets</c> answer: its metrics, or why X gave none.</summary>
internal sealed record XApiTweetResult(TweetMetrics? Metrics, string? Error);
