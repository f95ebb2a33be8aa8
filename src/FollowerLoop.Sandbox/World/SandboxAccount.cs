namespace FollowerLoop.Sandbox.World;

/// <summary>The account FollowerLoop runs.</summary>
public sealed record SandboxAccount(string Handle, string DisplayName, string Bio, long Following, long PreviousPosts, DateTimeOffset Joined);
