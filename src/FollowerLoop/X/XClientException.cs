namespace FollowerLoop.X;

/// <summary>An X operation failed. Retryable failures (slow page, missing element, 5xx, rate limit)
/// are worth another try later; the others (expired session, refused text) need a person.</summary>
public class XClientException : Exception
{
    public XClientException()
    {
    }

    public XClientException(string message)
        : base(message)
    {
    }

    public XClientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public XClientException(string message, bool isRetryable, Exception? innerException = null)
        : base(message, innerException)
    {
        IsRetryable = isRetryable;
    }

    public bool IsRetryable { get; }

    /// <summary>When the caller should try again, if X said (rate limits).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Which of X's answers this was, when it was one of those callers act on.</summary>
    public XErrorKind Kind { get; init; }

    /// <summary>What was asked for is out of reach for good (deleted, protected, its account suspended): a batch goes on without it.</summary>
    public bool IsGone => Kind is XErrorKind.NotFound or XErrorKind.Protected or XErrorKind.Suspended;

    /// <summary>The session is out (logged out, challenged, locked): nothing works until a person logs in again, and then all does.</summary>
    public bool NeedsLogin => Kind is XErrorKind.LoggedOut or XErrorKind.LoginChallenge or XErrorKind.Locked;
}
