namespace FollowerLoop.X;

/// <summary>A post's counts as read at <see cref="ReadAt"/>; null means unknown, not zero.</summary>
public sealed record TweetMetrics(
    string Handle,
    string TweetId,
    long? Replies,
    long? Reposts,
    long? Likes,
    long? Bookmarks,
    long? Views,
    DateTimeOffset ReadAt);
