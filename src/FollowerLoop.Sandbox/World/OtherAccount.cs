namespace FollowerLoop.Sandbox.World;

/// <summary>A seeded account that posts on its own, so search has something to find and reply to.</summary>
/// <param name="PostChancePerHour">The chance it posts in any given hour.</param>
/// <param name="Templates">What it posts; "{n}" becomes a small seeded number.</param>
public sealed record OtherAccount(
    string Handle,
    string DisplayName,
    string Bio,
    long Followers,
    long Following,
    double PostChancePerHour,
    IReadOnlyList<string> Templates);
