namespace FollowerLoop.Sandbox.Web.Sessions;

/// <summary>A login: the <c>auth_token</c> cookie, the <c>ct0</c> CSRF token x.com's API calls echo, and its expiry on the sandbox clock.</summary>
internal sealed record Session(string Token, string Csrf, string Handle, DateTimeOffset ExpiresAt);
