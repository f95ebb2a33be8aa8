namespace FollowerLoop.X.Api;

/// <summary>An OAuth 2.0 user token pair; <see cref="ExpiresAt"/> null when unknown (a configured token).</summary>
internal sealed record OAuth2Token(string? AccessToken, string RefreshToken, DateTimeOffset? ExpiresAt);
