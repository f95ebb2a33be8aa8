using Microsoft.Extensions.Logging;

namespace FollowerLoop.Posting;

internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Posting is switched off (Posting:Enabled = false): nothing posted")]
    public static partial void KillSwitch(ILogger logger);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Information, Message = "Posting is switched on again (Posting:Enabled = true)")]
    public static partial void PostingBackOn(ILogger logger);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Posted {DecisionId} as tweet {TweetId} ({Kind}); tracking scheduled")]
    public static partial void Posted(ILogger logger, Guid decisionId, string tweetId, string kind);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Not posted {DecisionId}: {Reason}")]
    public static partial void Refused(ILogger logger, Guid decisionId, string reason);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Debug, Message = "Not posting {DecisionId} now: {Reason}")]
    public static partial void NotNow(ILogger logger, Guid decisionId, string reason);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Dry run: would post {DecisionId} ({Kind}): {Text}; taken off the queue")]
    public static partial void DryRun(ILogger logger, Guid decisionId, string kind, string text);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Posting {DecisionId} failed and may or may not have reached X ({Reason}); the next run looks it up on the profile")]
    public static partial void PostUncertain(ILogger logger, Guid decisionId, string reason);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "{Count} interrupted post(s) could not be looked up yet ({Reason}); they stay on hold, never re-posted blindly")]
    public static partial void ReconcileDeferred(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "Interrupted post {DecisionId} is not on the profile: {Outcome}")]
    private static partial void NotFoundAfterCrash(ILogger logger, Guid decisionId, string outcome);

    public static void NotFoundAfterCrash(ILogger logger, Guid decisionId, bool retry) =>
        NotFoundAfterCrash(logger, decisionId, retry ? "queued again" : "failed after its last attempt");
}
