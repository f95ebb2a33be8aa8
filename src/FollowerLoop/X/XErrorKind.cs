namespace FollowerLoop.X;

/// <summary>What kind of "no" X gave, for callers that act on it (wait for a reset, stop tracking a deleted post, ask for a login).</summary>
public enum XErrorKind
{
    /// <summary>Anything not named below (a timeout, a dead browser, a refused text, an unreadable page).</summary>
    Other,

    /// <summary>Rate limited; <see cref="XClientException.RetryAfter"/> holds the reset when X gave one. Retryable.</summary>
    RateLimited,

    /// <summary>"Something went wrong. Try reloading.", over capacity, an internal error. Retryable.</summary>
    Unavailable,

    /// <summary>The post or account does not exist (deleted, or never did). Definitive.</summary>
    NotFound,

    /// <summary>The post's author protects their posts and the account does not follow them. Definitive.</summary>
    Protected,

    /// <summary>The account (or the post's author) is suspended. Definitive.</summary>
    Suspended,

    /// <summary>X locked the account (<c>/account/access</c>): a person must unlock it on x.com. Definitive.</summary>
    Locked,

    /// <summary>The saved session is no longer logged in. Definitive until <c>followerloop x login</c>.</summary>
    LoggedOut,

    /// <summary>The app's access level or the token does not include what was asked (HTTP 403 on a read). Definitive.</summary>
    NotPermitted,

    /// <summary>X interrupted a login (unusual activity, a confirmation code): a person must answer it. Definitive.</summary>
    LoginChallenge,
}
