namespace FollowerLoop.Followers;

/// <summary>One arrival's share credited to one post, with the post's text and time.</summary>
internal sealed record CreditRow(string PostId, DateTimeOffset PostedAt, string Text, double Share, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, DateTimeOffset? LeftAt, int Quality)
{
    public RetentionState RetentionAt(int days) => FollowerRetention.At(days, FirstSeenAt, LastSeenAt, LeftAt);
}
