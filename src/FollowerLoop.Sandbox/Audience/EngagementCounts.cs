namespace FollowerLoop.Sandbox.Audience;

/// <summary>A post's public counts, in the order x.com's action bar lists them.</summary>
public sealed record EngagementCounts(long Replies, long Reposts, long Likes, long Bookmarks, long Views)
{
    public static EngagementCounts Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Replies, reposts, likes and bookmarks together (views excluded).</summary>
    public long Interactions => Replies + Reposts + Likes + Bookmarks;
}
