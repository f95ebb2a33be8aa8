using Microsoft.Extensions.Logging;

namespace FollowerLoop.Sandbox;

/// <summary>The sandbox's log messages, with stable event ids. Never logs passwords, tokens or cookies.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Sandbox for @{Handle} listening on {Address} (clock {Clock}, epoch {Epoch:O}, real start {RealStart:O}, factor {Factor}, audience seed {Seed})")]
    public static partial void Listening(ILogger logger, string handle, string address, SandboxClockMode clock, DateTimeOffset epoch, DateTimeOffset? realStart, double factor, int seed);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Post {PostId} published at {PostedAt:O} (format {Format}, topic {Topic}, reply to {InReplyToId})")]
    public static partial void PostPublished(ILogger logger, string postId, DateTimeOffset postedAt, Text.PostFormat format, Text.PostTopic topic, string? inReplyToId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Post refused with code {Code}: {Reason}")]
    public static partial void PostRefused(ILogger logger, int code, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Login as @{Handle} succeeded")]
    public static partial void LoginSucceeded(ILogger logger, string handle);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Login as @{Handle} failed: {Reason}")]
    public static partial void LoginFailed(ILogger logger, string handle, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Fault {Fault} injected into {Method} {Path}")]
    public static partial void FaultInjected(ILogger logger, SandboxFaultMode fault, string method, string path);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Fault {Fault} queued for the next {Count} requests under {PathPrefix}")]
    public static partial void FaultQueued(ILogger logger, SandboxFaultMode fault, int count, string pathPrefix);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Clock moved to {Now:O}")]
    public static partial void ClockMoved(ILogger logger, DateTimeOffset now);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "All {Count} sessions expired by the admin API")]
    public static partial void SessionsExpired(ILogger logger, int count);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Admin request to {Path} refused: missing or wrong bearer token")]
    public static partial void AdminRefused(ILogger logger, string path);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Summoning post {PostId} ({Kind}) planted for @{Author}")]
    public static partial void SummonsPlanted(ILogger logger, string postId, World.SummonKind kind, string author);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "API request to {Path} refused: missing or unknown bearer token")]
    public static partial void ApiRefused(ILogger logger, string path);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "OAuth 2.0 tokens issued to client {ClientId} ({GrantType})")]
    public static partial void TokensIssued(ILogger logger, string clientId, string grantType);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "OAuth 2.0 token request refused ({GrantType}): {Reason}")]
    public static partial void TokenRefused(ILogger logger, string grantType, string reason);

    [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "Login as @{Handle} held for a confirmation code")]
    public static partial void LoginChallenged(ILogger logger, string handle);
}
