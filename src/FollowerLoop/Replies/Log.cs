using Microsoft.Extensions.Logging;

namespace FollowerLoop.Replies;

internal static partial class Log
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Debug, Message = "Reply: Reply:Mode is Off; nothing read or written")]
    public static partial void ReplyOff(ILogger logger);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Reply: the day's cap of {Cap} replies is used (drafts and queued replies count); nothing read")]
    public static partial void NoRoom(ILogger logger, int cap);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Reply: reading the posts that summoned the account failed ({Reason}); trying again next run")]
    public static partial void MentionsFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Debug, Message = "Reply: no reply to {TweetId} by @{Author}: {Reason}")]
    public static partial void Skipped(ILogger logger, string tweetId, string author, string reason);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "Reply: the reply written to {TweetId} was refused: {Reason}")]
    public static partial void ReplyRefused(ILogger logger, string tweetId, string reason);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Information, Message = "Reply: @{Author} asked the account to stop ({TweetId}); no more replies to them")]
    public static partial void StopRequested(ILogger logger, string author, string tweetId);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Information, Message = "Reply: wrote {Written} replies ({Mode}); room this run: {Room}")]
    public static partial void RepliesWritten(ILogger logger, int written, ReplyMode mode, int room);

    [LoggerMessage(EventId = 6108, Level = LogLevel.Information, Message = "Reply draft {DecisionId} {Decision}")]
    public static partial void DraftDecided(ILogger logger, Guid decisionId, string decision);
}
