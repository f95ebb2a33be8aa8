using FollowerLoop.X.Parsing;
using Microsoft.Playwright;

namespace FollowerLoop.X.Browser;

/// <summary>
/// One GraphQL call that x.com's web client makes as a page loads (TweetDetail, UserByScreenName): watched from
/// before the page opens, read once it answers. Its answer is exact and language-free where the page is not.
/// </summary>
internal sealed class GraphQlCall : IDisposable
{
    private readonly TaskCompletionSource<IResponse> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IPage _page;
    private readonly string _operation;
    private readonly Func<string, bool> _isFor;

    private GraphQlCall(IPage page, string operation, Func<string, bool> isFor)
    {
        (_page, _operation, _isFor) = (page, operation, isFor);
        page.Response += OnResponse;
    }

    /// <param name="about">A value of the call's variables (the post's id, the handle): a warm page may still receive an earlier read's answer.</param>
    public static GraphQlCall Watch(IPage page, string operation, string about) =>
        new(page, operation, url => Uri.UnescapeDataString(url).Contains($"\"{about}\"", StringComparison.OrdinalIgnoreCase));

    /// <param name="isFor">Whether a call's URL (of that operation) is the one wanted, for calls no single value tells apart.</param>
    public static GraphQlCall Watch(IPage page, string operation, Func<string, bool> isFor) => new(page, operation, isFor);

    /// <summary>Stops watching: the page outlives the operation.</summary>
    public void Dispose() => _page.Response -= OnResponse;

    /// <summary>
    /// The call's answer: its body when it succeeded, X's refusal (errors in the body, else the HTTP status) and the
    /// rate limit's reset when it did not; <see cref="GraphQlAnswer.None"/> when the page made no call within <paramref name="timeout"/>
    /// (no body either when the body took longer than that: <see cref="ResponseBody"/>).
    /// </summary>
    /// <param name="refusalIn">What the body says when it holds no data asked for (errors, an unavailable post or user); null when it has them.</param>
    public async Task<GraphQlAnswer> AnswerAsync(TimeSpan timeout, DateTimeOffset now, Func<string, XGraphQlErrorException?> refusalIn)
    {
        IResponse response;
        try
        {
            // Real time on purpose: this waits for the network, not for the business clock.
            response = await _response.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            return GraphQlAnswer.None;
        }

        var body = await ResponseBody.ReadAsync(response, timeout);

        var refusal = RefusalIn(body, refusalIn) ?? response.Status switch
        {
            429 => new XGraphQlErrorException([new GraphQlError(88, "HTTP 429 Too Many Requests")]),
            401 => new XGraphQlErrorException([new GraphQlError(32, "HTTP 401 Unauthorized")]),
            >= 500 => new XGraphQlErrorException([new GraphQlError(131, $"HTTP {response.Status}")]),
            _ => null,
        };
        return new GraphQlAnswer(response.Ok && refusal is null ? body : null, refusal, RetryAfterHeader.Read(response.Headers, now));
    }

    private void OnResponse(object? sender, IResponse response)
    {
        if (response.Url.Contains($"/{_operation}?", StringComparison.Ordinal) && _isFor(response.Url))
        {
            _response.TrySetResult(response);
        }
    }

    private static XGraphQlErrorException? RefusalIn(string? body, Func<string, XGraphQlErrorException?> refusalIn)
    {
        try
        {
            return body is null ? null : refusalIn(body);
        }
        catch (XPageFormatException)
        {
            // Not JSON (an HTML error page, a plain "Rate limit exceeded"): the status says what happened.
            return null;
        }
    }
}
