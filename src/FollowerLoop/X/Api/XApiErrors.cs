using System.Globalization;

namespace FollowerLoop.X.Api;

/// <summary>The API client's failures, each saying what happened and what to do. Never holds a token.</summary>
internal static class XApiErrors
{
    public static XClientException RateLimited(string endpoint, TimeSpan? retryAfter) =>
        new($"X API rate limit reached for {endpoint}{(retryAfter is { } wait ? $"; the window resets in {Seconds(wait)} s" : "")} (code 88).", isRetryable: true)
        {
            RetryAfter = retryAfter,
            Kind = XErrorKind.RateLimited,
        };

    public static XClientException UsageCapped(string endpoint, XApiProblem problem) =>
        new($"X API usage cap exceeded at {endpoint}: {problem.Describe()}. The plan's monthly quota is used up: buy more (pay-per-use credits or a higher plan) in the developer portal, " +
            "wait for the next period, or set XClient:Provider=Browser meanwhile.", isRetryable: false);

    public static XClientException ClientForbidden(string endpoint, XApiProblem problem) =>
        new($"X API refused the app at {endpoint}: {problem.Describe()}. The app must belong to a Project with access to this endpoint (developer portal: attach it to a Project, or upgrade the access level).",
            isRetryable: false) { Kind = XErrorKind.NotPermitted };

    public static XClientException Unauthorized(string endpoint, XApiProblem problem) =>
        new($"X API refused the token at {endpoint} (HTTP 401: {problem.Describe()}). Authorize the account again and set the new user token in section XApi.", isRetryable: false) { Kind = XErrorKind.LoggedOut };

    public static XApiForbiddenException Forbidden(string endpoint, XApiProblem problem) =>
        new($"X API answered 403 at {endpoint}: {problem.Describe()}.") { Kind = XErrorKind.NotPermitted };

    public static XClientException NotFound(string endpoint, XApiProblem problem) =>
        new($"X API found nothing at {endpoint} (HTTP 404: {problem.Describe()}).", isRetryable: false) { Kind = XErrorKind.NotFound };

    public static XClientException Refused(string endpoint, int status, XApiProblem problem) =>
        new($"X API answered HTTP {status} at {endpoint}: {problem.Describe()}.", isRetryable: false);

    public static XClientException ServerError(string endpoint, int status) =>
        new($"X API answered HTTP {status} at {endpoint}; try again later.", isRetryable: true) { Kind = XErrorKind.Unavailable };

    public static XClientException Unreachable(string endpoint, Exception inner) =>
        new($"X API could not be reached for {endpoint}: {inner.Message}", isRetryable: true, inner);

    public static XClientException TimedOut(string endpoint, TimeSpan timeout, Exception inner) =>
        new($"X API did not answer {endpoint} within {Seconds(timeout)} s.", isRetryable: true, inner);

    public static XClientException Malformed(string endpoint, string reason, Exception? inner = null) =>
        new($"X API's answer to {endpoint} is not shaped as documented (has the API changed?): {reason}", isRetryable: false, inner);

    public static XPostRejectedException PostRejected(int status, XApiProblem problem) =>
        new($"X refused the post (HTTP {status}): {problem.Describe()}.", isRetryable: false);

    public static XPostRejectedException PostNotSent(Exception inner) =>
        new($"X API could not be reached, nothing was sent: {inner.Message}", isRetryable: true);

    public static XClientException PostUncertain(string what) =>
        new($"The post was sent to X but {what}. It may have been posted: check the profile before trying again (a retry could post twice).", isRetryable: false);

    public static XClientException TweetMissing(string tweetId, string reason) =>
        new($"X API has no metrics for post {tweetId}: {reason}", isRetryable: false) { Kind = KindOfMissing(reason) };

    public static XClientException UserMissing(string who, string reason) =>
        new($"X API has no account {who}: {reason}", isRetryable: false) { Kind = KindOfMissing(reason) };

    public static XClientException RefreshRefused(int status, XApiProblem problem) =>
        new($"X refused to refresh the OAuth 2.0 token (HTTP {status}: {problem.Describe()}). The refresh token is spent or revoked: authorize the account again with `followerloop x auth` " +
            "(or set a new XApi:OAuth2:RefreshToken).", isRetryable: false);

    public static XClientException CodeRefused(int status, XApiProblem problem) =>
        new($"X refused the authorization code (HTTP {status}: {problem.Describe()}). A code is single-use and valid for about 30 seconds, and needs the verifier of the same `x auth` run: " +
            "run `followerloop x auth` again and answer promptly.", isRetryable: false);

    public static XClientException NoToken(string tokenStorePath) =>
        new($"No OAuth 2.0 token: {tokenStorePath} does not exist and XApi:OAuth2:RefreshToken is not set. Run `followerloop x auth` to authorize the account.", isRetryable: false);

    public static XClientException AuthorizationDenied(string error, string? description) =>
        new($"X did not authorize the app: {error}{(description is { Length: > 0 } ? $" ({description})" : "")}. Run `followerloop x auth` again and allow access.", isRetryable: false);

    public static XClientException AuthorizationAnswerInvalid(string reason) =>
        new($"That is not the answer to this authorization: {reason}", isRetryable: false);

    /// <summary>The API's reasons are English whatever the account's language: "Not Found Error", "Authorization Error" (protected), "User has been suspended".</summary>
    private static XErrorKind KindOfMissing(string reason) =>
        reason.Contains("suspended", StringComparison.OrdinalIgnoreCase) ? XErrorKind.Suspended
        : reason.Contains("authoriz", StringComparison.OrdinalIgnoreCase) ? XErrorKind.Protected
        : XErrorKind.NotFound;

    private static string Seconds(TimeSpan wait) => wait.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
}
