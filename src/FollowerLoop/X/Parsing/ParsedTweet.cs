namespace FollowerLoop.X.Parsing;

/// <summary>A post as read from its page or from x.com's GraphQL; counts null when not shown.</summary>
public sealed record ParsedTweet(string Handle, string TweetId, EngagementCounts Counts)
{
    public TweetMetrics ToMetrics(DateTimeOffset readAt) =>
        new(Handle, TweetId, Counts.Replies, Counts.Reposts, Counts.Likes, Counts.Bookmarks, Counts.Views, readAt);
}
