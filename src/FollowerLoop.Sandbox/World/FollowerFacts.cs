namespace FollowerLoop.Sandbox.World;

/// <summary>What X's user object says about a follower.</summary>
public sealed record FollowerFacts(
    DateTimeOffset CreatedAt,
    bool DefaultProfileImage,
    string Bio,
    long FollowersCount,
    long FollowingCount,
    long PostsCount,
    bool Protected,
    bool Verified);
