namespace FollowerLoop.Storage;

/// <summary>A row of <c>posted_decisions</c>: a content item that is live on X.</summary>
public sealed record PostRecord(
    Guid DecisionId,
    string TweetId,
    string Account,
    DateTimeOffset PostedAt,
    DateTimeOffset? TrackingScheduledAt);
