using FollowerLoop.X.Parsing;

namespace FollowerLoop.X.Browser;

/// <param name="Body">The response when it has the data asked for; null otherwise.</param>
/// <param name="Refusal">What X said instead, language-free (error codes, an unavailable post or user).</param>
/// <param name="RetryAfter">When a rate-limited call may be made again, from <c>x-rate-limit-reset</c> or <c>retry-after</c>.</param>
internal sealed record GraphQlAnswer(string? Body, XGraphQlErrorException? Refusal, TimeSpan? RetryAfter)
{
    public static GraphQlAnswer None { get; } = new(null, null, null);
}
