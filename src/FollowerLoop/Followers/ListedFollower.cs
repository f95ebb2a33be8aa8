using FollowerLoop.X;

namespace FollowerLoop.Followers;

/// <summary>A follower the pass read, with their new place on the list (higher is newer).</summary>
public sealed record ListedFollower(XFollower Follower, long Position);
