using FollowerLoop.X.Api;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.X.Browser;

/// <summary>The browser client's log events (3001–3099). Never log cookies, passwords or the session file's content.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Launched Chromium {Version} from {ExecutablePath}")]
    public static partial void BrowserLaunched(ILogger logger, string version, string executablePath);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Chromium is gone (crashed or closed); launching it again")]
    public static partial void BrowserRelaunching(ILogger logger);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Logging in to {BaseUrl} as {Username}")]
    public static partial void LoggingIn(ILogger logger, Uri baseUrl, string username);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Saved the X session to {StorageStatePath}")]
    public static partial void SessionSaved(ILogger logger, string storageStatePath);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "The saved X session {StorageStatePath} is no longer logged in (X sent its login page)")]
    public static partial void SessionExpired(ILogger logger, string storageStatePath);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Posted {TweetId} as @{Handle}")]
    public static partial void Posted(ILogger logger, string tweetId, string handle);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "X refused the post: error {Code}: {Reason}")]
    public static partial void PostRefused(ILogger logger, int? code, string reason);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "No CreateTweet response seen; took the new post's id from the confirmation toast")]
    public static partial void PostIdFromToast(ILogger logger);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Debug, Message = "Read post {TweetId} of @{Handle}: {Likes} likes, {Views} views")]
    public static partial void MetricsRead(ILogger logger, string tweetId, string handle, long? likes, long? views);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Debug, Message = "Read profile @{Handle}: {Followers} followers (exact: {Exact})")]
    public static partial void ProfileRead(ILogger logger, string handle, long? followers, bool exact);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "{Operation} response unreadable; keeping the page's counts: {Reason}")]
    public static partial void GraphQlResponseUnreadable(ILogger logger, string operation, string reason);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Debug, Message = "Search for {Query} found {Count} post(s)")]
    public static partial void SearchRead(ILogger logger, string query, int count);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "X {Operation} failed (retryable: {Retryable}): {Reason}")]
    public static partial void OperationFailed(ILogger logger, string operation, bool retryable, string reason);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Debug, Message = "Mentions page read: {Count} new post(s) summoning the account")]
    public static partial void MentionsRead(ILogger logger, int count);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Warning, Message = "XClient:Provider {Provider} drives the x.com website ({BaseUrl}). X's Automation Rules (April 2026): \"non-API-based forms of automation, such as scripting the X website ... may result in the permanent suspension of your account\". Use XClient:Provider = Api for a real account.")]
    public static partial void BrowserOnRealSite(ILogger logger, XClientProvider provider, string baseUrl);

    [LoggerMessage(EventId = 3016, Level = LogLevel.Warning, Message = "A browser context did not close cleanly ({Reason}); the browser is kept")]
    public static partial void ContextCloseFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 3017, Level = LogLevel.Warning, Message = "X interrupted the login with a challenge; answer it in the browser window (the login waits for the home timeline)")]
    public static partial void LoginChallengeShown(ILogger logger);

    [LoggerMessage(EventId = 3018, Level = LogLevel.Warning, Message = "Could not save the renewed X session back to {StorageStatePath}: {Reason}")]
    public static partial void SessionSaveBackFailed(ILogger logger, string storageStatePath, string reason);

    [LoggerMessage(EventId = 3019, Level = LogLevel.Information, Message = "Opened the warm browser context on the session {StorageStatePath}")]
    public static partial void WarmContextOpened(ILogger logger, string storageStatePath);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Debug, Message = "Read @{Handle}'s timeline: {Found} of {Wanted} post(s)")]
    public static partial void TimelineRead(ILogger logger, string handle, int found, int wanted);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Debug, Message = "Read {Count} follower(s) of @{Handle} (more: {HasMore})")]
    public static partial void FollowersRead(ILogger logger, string handle, int count, bool hasMore);
}
