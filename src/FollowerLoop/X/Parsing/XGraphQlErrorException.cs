namespace FollowerLoop.X.Parsing;

/// <summary>
/// X answered a GraphQL call with errors instead of the data asked for (x.com sends them with HTTP 200), or
/// with a user or post that is missing or unavailable. Not a format problem: the response was read, and says no.
/// </summary>
public sealed class XGraphQlErrorException(IReadOnlyList<GraphQlError> errors, XErrorKind? kind = null)
    : Exception($"X answered with {(errors.Count == 1 ? "an error" : "errors")}: {string.Join("; ", errors.Select(e => e.Code is { } code ? $"{code} {e.Message}" : e.Message))}")
{
    public IReadOnlyList<GraphQlError> Errors { get; } = errors;

    /// <summary>What the errors mean: given (an unavailable user or post), else read from the first error code X documents.</summary>
    public XErrorKind Kind { get; } = kind ?? errors.Select(e => GraphQlErrorCodes.KindOf(e.Code)).FirstOrDefault(k => k != XErrorKind.Other);

    public bool IsRetryable => GraphQlErrorCodes.IsRetryable(Kind);

    /// <summary>A <c>UserUnavailable</c>, <c>TweetUnavailable</c> or <c>TweetTombstone</c> result, by its reason ("Suspended", "Protected", …).</summary>
    public static XGraphQlErrorException Unavailable(string what, string? reason) =>
        new([new GraphQlError(null, $"{what} unavailable: {reason ?? "no reason given"}.")], GraphQlErrorCodes.KindOfReason(reason));
}
