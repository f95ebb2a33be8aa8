namespace FollowerLoop.X.Parsing;

/// <summary>x.com's CreateTweet answer: the new post's id, or the errors that refused it.</summary>
public sealed record CreateTweetResult(string? TweetId, string? Handle, IReadOnlyList<GraphQlError> Errors);
