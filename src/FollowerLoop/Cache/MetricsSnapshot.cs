namespace FollowerLoop.Cache;

/// <summary>The latest metrics of a post as cached in <c>metrics:{post}</c> (null = unknown).</summary>
public sealed record MetricsSnapshot(
    string PostId,
    string Phase,
    long? Likes,
    long? Retweets,
    long? Replies,
    long? Bookmarks,
    long? Views,
    DateTimeOffset CollectedAt);
