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
    DateTimeOffset ReadAt)
{
    /// <summary>Quote posts (the API's public <c>quote_count</c>; the page does not show it).</summary>
    public long? Quotes { get; init; }

    /// <summary>Visits to the author's profile from the post (<c>user_profile_clicks</c>): the owner's, under 30 days, API only.</summary>
    public long? ProfileClicks { get; init; }

    /// <summary>Clicks on the post's link (<c>url_link_clicks</c>): the owner's, under 30 days, API only.</summary>
    public long? LinkClicks { get; init; }
}
