namespace FollowerLoop.Sandbox.World;

/// <summary>
/// One follower of the sandbox account, as X would show them, and the hidden truth about them: what brought them
/// (a post's id, or null for organic followers and those from before the epoch), whether they are bot-like, and when
/// they will leave on their own (null: they stay unless an unfollow wave takes them).
/// </summary>
public sealed record SandboxFollower(
    long Index,
    string UserId,
    string Handle,
    string DisplayName,
    DateTimeOffset FollowedAt,
    string? BroughtBy,
    bool IsBotLike,
    DateTimeOffset? LeavesAt,
    FollowerFacts Facts);
