namespace FollowerLoop.X;

/// <summary>
/// X answered a post or reply and did not create it (duplicate, too long, refused before any page was
/// touched). Unlike other failures this one is certain: nothing was posted, so the item can be failed
/// (or, when <see cref="XClientException.IsRetryable"/>, tried again) without a look-up first.
/// </summary>
public sealed class XPostRejectedException : XClientException
{
    public XPostRejectedException()
    {
    }

    public XPostRejectedException(string message)
        : base(message)
    {
    }

    public XPostRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public XPostRejectedException(string message, bool isRetryable)
        : base(message, isRetryable)
    {
    }
}
