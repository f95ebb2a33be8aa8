using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace FollowerLoop.Sandbox.Web.Sessions;

/// <summary>
/// Logins held at x.com's confirmation-code step, in memory. The browser carries the step in the <c>att</c> cookie
/// (x.com's name for its login-flow cookie); nothing else proves the password was right.
/// </summary>
internal sealed class LoginChallenges(TimeProvider clock)
{
    public const string Cookie = "att";

    // x.com's codes are short-lived; half an hour on the sandbox clock.
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, PendingLogin> _pending = new(StringComparer.Ordinal);

    public void Start(HttpResponse response, string handle, string target)
    {
        var token = RandomNumberGenerator.GetHexString(40, lowercase: true);
        _pending[token] = new PendingLogin(handle, target, clock.GetUtcNow() + Lifetime);
        response.Cookies.Append(Cookie, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/", MaxAge = Lifetime });
    }

    /// <summary>The request's pending login, or null when it has none or it expired.</summary>
    public PendingLogin? Find(HttpRequest request) =>
        request.Cookies[Cookie] is { Length: > 0 } token && _pending.TryGetValue(token, out var pending) && pending.ExpiresAt > clock.GetUtcNow()
            ? pending
            : null;

    /// <summary>Ends the request's pending login once its code was right: a code opens one session only.</summary>
    public void Complete(HttpRequest request, HttpResponse response)
    {
        if (request.Cookies[Cookie] is { } token)
        {
            _pending.TryRemove(token, out _);
        }

        response.Cookies.Delete(Cookie, new CookieOptions { Path = "/" });
    }
}
