namespace FollowerLoop.Sandbox.World;

/// <summary>A post by another account that replies to, mentions or quotes the sandbox account.</summary>
/// <param name="TargetId">The account's post it replies to or quotes; null for a mention.</param>
public sealed record SummoningPost(string Id, SummonKind Kind, string Handle, string DisplayName, string Text, DateTimeOffset PostedAt, string? TargetId);
