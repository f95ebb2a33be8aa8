namespace FollowerLoop.X;

public sealed record FoundTweet(string TweetId, string Handle, string Text, DateTimeOffset? PostedAt);
