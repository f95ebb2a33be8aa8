namespace FollowerLoop.X.Parsing;

/// <summary>
/// A page or response from X does not have the shape FollowerLoop reads (no focal post, a malformed
/// count, an unknown JSON shape). The message says what was expected and where.
/// </summary>
public sealed class XPageFormatException : FormatException
{
    public XPageFormatException()
    {
    }

    public XPageFormatException(string message)
        : base(message)
    {
    }

    public XPageFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
