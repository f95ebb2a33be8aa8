namespace FollowerLoop.X.Api;

/// <summary>HTTP 403 on a read: the token may not see what was asked (e.g. non-public metrics); the caller may ask for less.</summary>
public sealed class XApiForbiddenException : XClientException
{
    public XApiForbiddenException()
    {
    }

    public XApiForbiddenException(string message)
        : base(message, isRetryable: false)
    {
    }

    public XApiForbiddenException(string message, Exception innerException)
        : base(message, isRetryable: false, innerException)
    {
    }
}
