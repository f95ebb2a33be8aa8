namespace FollowerLoop.Learning;

/// <summary>A post's counts at its 2-hour checkpoint and the account's size when it went out; profile visits null where X did not give them.</summary>
public sealed record EarlySignals(long Likes, long Reposts, long Replies, long Views, long FollowersAtPost, long? ProfileVisits);
