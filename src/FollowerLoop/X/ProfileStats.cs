namespace FollowerLoop.X;

/// <summary>
/// A profile's counts. x.com shows compact numbers ("393.2K"); <see cref="FollowersExact"/> is
/// false when <see cref="Followers"/> was parsed from such a rounded text. <see cref="Bio"/> is the
/// profile's description where it was read (null otherwise).
/// </summary>
public sealed record ProfileStats(
    string Handle,
    long? Followers,
    long? Following,
    bool FollowersExact,
    DateTimeOffset ReadAt,
    string? Bio = null);
