namespace FollowerLoop.Sandbox.Web.Html;

/// <summary>What a profile shows, for the sandbox account or a seeded one.</summary>
internal sealed record UserView(
    string RestId,
    string Handle,
    string DisplayName,
    string Bio,
    long Followers,
    long Following,
    long Statuses,
    DateTimeOffset Joined,
    bool IsSandboxAccount);
