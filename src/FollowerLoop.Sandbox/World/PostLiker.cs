namespace FollowerLoop.Sandbox.World;

/// <summary>Someone who liked one of the account's posts, as X lists them to its author.</summary>
public sealed record PostLiker(string UserId, string Handle, string DisplayName);
