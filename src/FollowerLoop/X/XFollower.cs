namespace FollowerLoop.X;

/// <summary>
/// A follower of the account as X lists them. Facts X did not give (the browser's list shows fewer than the API) are
/// null, never a guess.
/// </summary>
public sealed record XFollower(
    string UserId,
    string Handle,
    string? DisplayName,
    DateTimeOffset? AccountCreatedAt = null,
    bool? DefaultProfileImage = null,
    bool? HasBio = null,
    long? FollowersCount = null,
    long? FollowingCount = null,
    long? PostsCount = null,
    bool? Protected = null,
    bool? Verified = null);
