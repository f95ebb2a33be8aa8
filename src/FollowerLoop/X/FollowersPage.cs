namespace FollowerLoop.X;

/// <summary>One page of the account's followers, newest first, and where the next one starts (null: this was the last).</summary>
public sealed record FollowersPage(IReadOnlyList<XFollower> Followers, string? NextCursor);
