namespace FollowerLoop.X.Parsing;

/// <summary>A post's counts; null means the page did not show that count (unknown), not zero.</summary>
public sealed record EngagementCounts(long? Replies, long? Reposts, long? Likes, long? Bookmarks, long? Views)
{
    /// <summary>Nothing could be read (no action bar).</summary>
    public static EngagementCounts Unknown { get; } = new(null, null, null, null, null);
}
