namespace FollowerLoop.X.Parsing;

/// <summary>A post as read from its page or from x.com's GraphQL; counts null when not shown.</summary>
/// <param name="Text">As its author wrote it (<see cref="StoredText"/>); null where the reader did not take it.</param>
public sealed record ParsedTweet(string Handle, string TweetId, EngagementCounts Counts, string? Text = null)
{
    public TweetMetrics ToMetrics(DateTimeOffset readAt) =>
        new(Handle, TweetId, Counts.Replies, Counts.Reposts, Counts.Likes, Counts.Bookmarks, Counts.Views, readAt);
}
