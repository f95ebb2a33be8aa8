using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace FollowerLoop.Sandbox.Web.Api;

/// <summary>
/// OAuth 2.0 with PKCE as X runs it: an authorization code (single use, 30 seconds) redeemed with its verifier,
/// access tokens that live two hours on the sandbox clock, and refresh tokens that work once.
/// </summary>
internal sealed class ApiTokenStore(TimeProvider clock)
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(2);

    private static readonly TimeSpan CodeLifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, AuthorizationCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Grant> _refreshTokens = new(StringComparer.Ordinal);

    public string CreateCode(string clientId, string redirectUri, string scope, string challenge, string challengeMethod)
    {
        var code = NewToken();
        _codes[code] = new AuthorizationCode(clientId, redirectUri, scope, challenge, challengeMethod, clock.GetUtcNow() + CodeLifetime);
        return code;
    }

    /// <summary>Redeems a code once; null (and the code gone) when anything does not match.</summary>
    public IssuedTokens? Redeem(string code, string verifier, string redirectUri, string clientId)
    {
        if (!_codes.TryRemove(code, out var issued)
            || issued.ExpiresAt <= clock.GetUtcNow()
            || issued.ClientId != clientId
            || issued.RedirectUri != redirectUri
            || !FixedTimeEquals(Challenge(verifier, issued.ChallengeMethod), issued.Challenge))
        {
            return null;
        }

        return Issue(new Grant(clientId, issued.Scope));
    }

    /// <summary>Spends a refresh token (X's are single-use) for a new pair; null when unknown, spent or another client's.</summary>
    public IssuedTokens? Refresh(string refreshToken, string clientId) =>
        _refreshTokens.TryRemove(refreshToken, out var grant) && grant.ClientId == clientId ? Issue(grant) : null;

    public bool IsLive(string accessToken) =>
        _accessTokens.TryGetValue(accessToken, out var expiresAt) && expiresAt > clock.GetUtcNow();

    private static string Challenge(string verifier, string method) =>
        method == "plain" ? verifier : Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static bool FixedTimeEquals(string a, string b) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(48));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private IssuedTokens Issue(Grant grant)
    {
        var access = NewToken();
        _accessTokens[access] = clock.GetUtcNow() + AccessTokenLifetime;
        // As on X, a refresh token comes only with the offline.access scope.
        string? refresh = null;
        if (grant.Scope.Split(' ').Contains("offline.access"))
        {
            refresh = NewToken();
            _refreshTokens[refresh] = grant;
        }

        return new IssuedTokens(access, refresh, grant.Scope);
    }

    private sealed record AuthorizationCode(string ClientId, string RedirectUri, string Scope, string Challenge, string ChallengeMethod, DateTimeOffset ExpiresAt);

    private sealed record Grant(string ClientId, string Scope);
}
