namespace FollowerLoop.Storage;

/// <summary>A row of <c>account_snapshots</c>: the account's counts at one moment (null = unknown).</summary>
public sealed record AccountSnapshot(
    string Account,
    DateTimeOffset TakenAt,
    long? Followers,
    bool? FollowersExact,
    long? Following,
    long? PostCount);
