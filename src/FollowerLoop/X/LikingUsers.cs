namespace FollowerLoop.X;

/// <summary>The users who liked a post, as far as they were read; <paramref name="Complete"/> is false when the read stopped at its limit.</summary>
public sealed record LikingUsers(string PostId, IReadOnlyList<string> UserIds, bool Complete);
