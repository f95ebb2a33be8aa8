namespace FollowerLoop.X;

/// <summary>
/// A profile's counts. x.com shows compact numbers ("393.2K"); <see cref="FollowersExact"/> is
/// false when <see cref="Followers"/> was parsed from such a rounded text.
/// </summary>
public sealed record ProfileStats(
    string Handle,
    long? Followers,
    long? Following,
    bool FollowersExact,
    DateTimeOffset ReadAt);
