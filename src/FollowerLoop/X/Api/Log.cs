using Microsoft.Extensions.Logging;

namespace FollowerLoop.X.Api;

/// <summary>The X API client's log events (3101–3199). Never log tokens, secrets or the token file's content.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Refreshed the X API OAuth 2.0 token (valid until {ExpiresAt}); saved in {TokenStorePath}")]
    public static partial void TokenRefreshed(ILogger logger, DateTimeOffset? expiresAt, string tokenStorePath);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "X API rate limit for {Endpoint} used up; waiting {Wait} for its reset")]
    public static partial void WaitingForRateLimit(ILogger logger, string endpoint, TimeSpan wait);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "X API refused the token at {Endpoint} (401); renewing it and sending once more")]
    public static partial void TokenRejected(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Posted {TweetId} as @{Handle} through the X API")]
    public static partial void Posted(ILogger logger, string tweetId, string handle);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Debug, Message = "Read metrics of {Count} post(s) in one X API request ({Failed} failed)")]
    public static partial void MetricsBatchRead(ILogger logger, int count, int failed);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "The X API token may not read non-public metrics ({Reason}); reading public metrics from now on")]
    public static partial void NonPublicMetricsRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Debug, Message = "Read profile @{Handle} through the X API: {Followers} followers")]
    public static partial void ProfileRead(ILogger logger, string handle, long? followers);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Debug, Message = "X API search for {Query} found {Count} post(s)")]
    public static partial void SearchRead(ILogger logger, string query, int count);

    [LoggerMessage(EventId = 3109, Level = LogLevel.Warning, Message = "X API {Endpoint} failed (retryable: {Retryable}): {Reason}")]
    public static partial void RequestFailed(ILogger logger, string endpoint, bool retryable, string reason);

    [LoggerMessage(EventId = 3120, Level = LogLevel.Debug, Message = "X API mentions read: {Count} new post(s) summoning the account")]
    public static partial void MentionsRead(ILogger logger, int count);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Information, Message = "Authorized the X account with OAuth 2.0 (access token valid until {ExpiresAt}); saved in {TokenStorePath}")]
    public static partial void Authorized(ILogger logger, DateTimeOffset? expiresAt, string tokenStorePath);

    [LoggerMessage(EventId = 3121, Level = LogLevel.Information, Message = "X does not give this app per-post follows ({Reason}); attribution estimates them, and FollowerLoop does not ask again until it restarts")]
    public static partial void PostAnalyticsRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 3122, Level = LogLevel.Information, Message = "X does not give this app the likers of its posts ({Reason}); attribution goes by the follower count alone, and FollowerLoop does not ask again until it restarts (a token granted before FollowerLoop asked for like.read needs followerloop x auth again)")]
    public static partial void LikingUsersRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Warning, Message = "Could not record the X API usage of {Endpoint} (the call itself succeeded or failed on its own): {Reason}")]
    public static partial void UsageNotRecorded(ILogger logger, string endpoint, string reason);
}
