namespace FollowerLoop.X.Api;

/// <summary>A finished <c>x auth</c>: where the token pair is kept and until when its access token is valid.</summary>
public sealed record OAuth2PkceResult(string TokenStorePath, DateTimeOffset? AccessTokenExpiresAt);
