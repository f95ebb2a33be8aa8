using System.Globalization;
using FollowerLoop.X.Parsing;

namespace FollowerLoop.X.Browser;

/// <summary>The X client's failures, each with a message that says what happened and what to do.</summary>
internal static class XClientErrors
{
    /// <summary>x.com error codes worth another try: rate limit, over capacity, internal error.</summary>
    private static readonly int[] RetryableCodes = [88, 130, 131];

    public static XClientException SessionExpired(string storageStatePath) =>
        new($"The saved X session ({storageStatePath}) is no longer logged in: X answered with its login page. " +
            "Run `followerloop x login` to log in again and save a fresh session (where the session comes from XClient:SessionStateJson, put the new file's content there).",
            isRetryable: false);

    public static XClientException NoSession(string storageStatePath) =>
        new($"There is no saved X session at {storageStatePath}, no XClient:SessionStateJson and no XClient:Username/Password to log in with. " +
            "Run `followerloop x login`, or set the credentials (the sandbox's account).",
            isRetryable: false);

    public static XClientException CannotLogIn() =>
        new("Cannot log in: set XClient:Username and XClient:Password, or Browser:Headless=false to log in by hand in the browser window.",
            isRetryable: false);

    public static XClientException LoginFailed(Uri baseUrl, TimeSpan timeout) =>
        new($"Logging in to {baseUrl} did not finish within {timeout.TotalSeconds:0} s (wrong XClient:Username/Password, or a step such as 2FA that needs Browser:Headless=false and a person).",
            isRetryable: false);

    public static XPostRejectedException TextRefused(string problem) =>
        new($"Refused before posting: {problem}", isRetryable: false);

    public static XClientException TimedOut(string operation, Exception inner) =>
        new($"X {operation} timed out (slow page or missing element): {FirstLine(inner.Message)}", isRetryable: true, inner);

    public static XClientException BrowserFailed(string operation, Exception inner) =>
        new($"The browser failed during X {operation}: {FirstLine(inner.Message)}", isRetryable: true, inner);

    public static XClientException RateLimited(string operation, TimeSpan? retryAfter) =>
        new($"X rate-limited {operation}{(retryAfter is { } wait ? $"; it asks to wait {wait.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s" : "")}.", isRetryable: true)
        {
            RetryAfter = retryAfter,
        };

    public static XClientException ServerError(string operation, int status) =>
        new($"X answered HTTP {status} during {operation}; try again later.", isRetryable: true);

    public static XClientException NotFound(string operation, string path) =>
        new($"X has no page at {path} ({operation}): the post or account does not exist or was deleted.", isRetryable: false);

    public static XClientException Refused(string operation, int status) =>
        new($"X answered HTTP {status} during {operation}.", isRetryable: false);

    public static XClientException UnreadableMarkup(string operation, XPageFormatException inner) =>
        new($"X's page for {operation} is not shaped as FollowerLoop reads it (has x.com changed its markup?): {inner.Message}", isRetryable: false, inner);

    public static XPostRejectedException PostRejected(IReadOnlyList<GraphQlError> errors)
    {
        var retryable = errors.All(error => error.Code is { } code && RetryableCodes.Contains(code));
        var reasons = string.Join("; ", errors.Select(error => error.Code is null ? error.Message : $"{error.Message} (code {error.Code})"));
        return new XPostRejectedException($"X refused the post: {reasons}", retryable);
    }

    public static XClientException PostUnconfirmed(TimeSpan timeout) =>
        new($"Clicked Post but X confirmed nothing within {timeout.TotalSeconds:0} s. The post may have been sent: check the profile before trying again (a retry could post twice).",
            isRetryable: false);

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
