using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace FollowerLoop.Sandbox.Web.Sessions;

/// <summary>Logins in memory. Tokens look like x.com's (40 hex characters); expiry follows the sandbox clock.</summary>
internal sealed class SessionStore
{
    public const string AuthCookie = "auth_token";
    public const string CsrfCookie = "ct0";
    public const string CsrfHeader = "x-csrf-token";

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lifetime;

    public SessionStore(TimeProvider clock, TimeSpan lifetime)
    {
        _clock = clock;
        _lifetime = lifetime;
    }

    public TimeSpan Lifetime => _lifetime;

    public Session Create(string handle)
    {
        var session = new Session(
            RandomNumberGenerator.GetHexString(40, lowercase: true),
            RandomNumberGenerator.GetHexString(32, lowercase: true),
            handle,
            _clock.GetUtcNow() + _lifetime);
        _sessions[session.Token] = session;
        return session;
    }

    /// <summary>The live session of this token, or null when unknown or expired.</summary>
    public Session? Find(string? token)
    {
        if (string.IsNullOrEmpty(token) || !_sessions.TryGetValue(token, out var session))
        {
            return null;
        }

        return session.ExpiresAt > _clock.GetUtcNow() ? session : null;
    }

    /// <summary>Slides the session's expiry to a full lifetime from now, as x.com keeps a used login alive.</summary>
    public Session Extend(Session session)
    {
        var extended = session with { ExpiresAt = _clock.GetUtcNow() + _lifetime };
        _sessions[session.Token] = extended;
        return extended;
    }

    /// <summary>Ends every session (to test the login wall); returns how many there were.</summary>
    public int ExpireAll()
    {
        var count = _sessions.Count;
        _sessions.Clear();
        return count;
    }
}
