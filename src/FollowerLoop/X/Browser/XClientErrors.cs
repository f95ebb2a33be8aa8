using System.Globalization;
using FollowerLoop.X.Parsing;

namespace FollowerLoop.X.Browser;

/// <summary>The X client's failures, each with a message that says what happened and what to do.</summary>
internal static class XClientErrors
{
    public static XClientException SessionExpired(string storageStatePath) =>
        new($"The saved X session ({storageStatePath}) is no longer logged in: X answered with its login page. " +
            "Run `followerloop x login` to log in again and save a fresh session (where the session comes from XClient:SessionStateJson, put the new file's content there).",
            isRetryable: false)
        {
            Kind = XErrorKind.LoggedOut,
        };

    public static XClientException LoginChallenge(string operation) =>
        new($"X interrupted {operation} with a login challenge (unusual login activity, a confirmation code, a captcha) that only a person can answer. " +
            "Run `followerloop x login` with Browser:Headless=false and answer it in the browser window; the session is saved once the home timeline loads.",
            isRetryable: false)
        {
            Kind = XErrorKind.LoginChallenge,
        };

    public static XClientException Locked(string operation) =>
        new($"X has locked the account ({operation} was sent to /account/access). Log in to x.com in a browser, unlock the account there, then run `followerloop x login`.",
            isRetryable: false)
        {
            Kind = XErrorKind.Locked,
        };

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
            Kind = XErrorKind.RateLimited,
        };

    public static XClientException ServerError(string operation, int status) =>
        new($"X answered HTTP {status} during {operation}; try again later.", isRetryable: true) { Kind = XErrorKind.Unavailable };

    public static XClientException NotFound(string operation, string path) =>
        new($"X has no page at {path} ({operation}): the post or account does not exist or was deleted.", isRetryable: false) { Kind = XErrorKind.NotFound };

    /// <summary>A definitive answer of the page's GraphQL call, whatever the page draws.</summary>
    public static XClientException Said(string operation, string what, XGraphQlErrorException said) =>
        Shown(operation, what, new PageError(said.Kind, said.Message), said, retryAfter: null);

    /// <summary>An error state the page showed with status 200; <paramref name="said"/> is what X's GraphQL call said, language-free, when it said something.</summary>
    public static XClientException Shown(string operation, string what, PageError page, XGraphQlErrorException? said, TimeSpan? retryAfter)
    {
        var kind = said is { Kind: not XErrorKind.Other } ? said.Kind : page.Kind;
        var evidence = said is { Kind: not XErrorKind.Other } ? said.Message : $"the page shows \"{page.Shown}\"";
        return kind switch
        {
            XErrorKind.RateLimited => RateLimited(operation, retryAfter),
            XErrorKind.LoginChallenge => LoginChallenge(operation),
            XErrorKind.LoggedOut => new($"X no longer accepts the saved session ({operation}): {evidence}. Run `followerloop x login`.", isRetryable: false) { Kind = kind },
            XErrorKind.Locked => Locked(operation),
            XErrorKind.Unavailable => new($"X could not show {what} ({operation}), try again later: {evidence}.", isRetryable: true) { Kind = kind },
            XErrorKind.NotFound => new($"{Capitalized(what)} does not exist on X any more (deleted, or never did) ({operation}): {evidence}.", isRetryable: false) { Kind = kind },
            XErrorKind.Protected => new($"{Capitalized(what)} is protected: only its author's approved followers can see it ({operation}): {evidence}.", isRetryable: false) { Kind = kind },
            XErrorKind.Suspended => new($"X suspended the account of {what} ({operation}): {evidence}.", isRetryable: false) { Kind = kind },
            // Words the client does not know (another language, a new message): worth a bounded retry, never a guess.
            _ => new($"X showed an error instead of {what} ({operation}) that FollowerLoop cannot classify: {evidence}.", isRetryable: true) { Kind = kind },
        };
    }

    public static XClientException Refused(string operation, int status) =>
        new($"X answered HTTP {status} during {operation}.", isRetryable: false);

    public static XClientException UnreadableMarkup(string operation, XPageFormatException inner) =>
        new($"X's page for {operation} is not shaped as FollowerLoop reads it (has x.com changed its markup?): {inner.Message}", isRetryable: false, inner);

    public static XClientException UnreadableAnswer(string operation, string call, XPageFormatException inner) =>
        new($"X's {call} answer for {operation} is not shaped as FollowerLoop reads it (has x.com changed its GraphQL schema?): {inner.Message}", isRetryable: false, inner);

    /// <summary>The page showed but never made the GraphQL call its data comes from (blocked, or x.com no longer makes it).</summary>
    public static XClientException NoAnswer(string operation, string call, TimeSpan timeout) =>
        new($"X's page for {operation} made no {call} call within {timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s, and the list is read only from that call's answer.", isRetryable: true);

    public static XPostRejectedException PostRejected(IReadOnlyList<GraphQlError> errors)
    {
        var retryable = errors.All(error => GraphQlErrorCodes.IsRetryable(GraphQlErrorCodes.KindOf(error.Code)));
        var reasons = string.Join("; ", errors.Select(error => error.Code is null ? error.Message : $"{error.Message} (code {error.Code})"));
        return new XPostRejectedException($"X refused the post: {reasons}", retryable);
    }

    public static XClientException PostUnconfirmed(TimeSpan timeout) =>
        new($"Clicked Post but X confirmed nothing within {timeout.TotalSeconds:0} s. The post may have been sent: check the profile before trying again (a retry could post twice).",
            isRetryable: false);

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
