namespace FollowerLoop.Sandbox.Web.Api;

/// <summary>What the token endpoint hands out; <see cref="RefreshToken"/> is null without the offline.access scope.</summary>
internal sealed record IssuedTokens(string AccessToken, string? RefreshToken, string Scope);
