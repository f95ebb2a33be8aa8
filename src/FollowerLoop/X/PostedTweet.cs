namespace FollowerLoop.X;

public sealed record PostedTweet(string TweetId, string Handle, DateTimeOffset PostedAt);
