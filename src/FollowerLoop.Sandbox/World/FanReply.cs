namespace FollowerLoop.Sandbox.World;

/// <summary>A reply by a member of the audience, shown under the account's post.</summary>
public sealed record FanReply(string Id, string Handle, string DisplayName, string Text, DateTimeOffset PostedAt);
