namespace FollowerLoop.Sandbox.Audience;

/// <summary>
/// A post's public counts on x.com's side, in the order its action bar lists them: always known, unlike the client's
/// <c>FollowerLoop.X.Parsing.EngagementCounts</c>, where a count the page did not show is null.
/// </summary>
public sealed record XComEngagementCounts(long Replies, long Reposts, long Likes, long Bookmarks, long Views)
{
    public static XComEngagementCounts Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Replies, reposts, likes and bookmarks together (views excluded).</summary>
    public long Interactions => Replies + Reposts + Likes + Bookmarks;
}
