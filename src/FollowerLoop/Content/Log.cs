using Microsoft.Extensions.Logging;

namespace FollowerLoop.Content;

internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Queued {DecisionId} ({Kind}) for {ScheduledFor:u}")]
    public static partial void Queued(ILogger logger, Guid decisionId, string kind, DateTimeOffset scheduledFor);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Not queued ({Kind}): {Reason}")]
    public static partial void RefusedContent(ILogger logger, string kind, string reason);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Reply job: search for {Query} failed ({Reason}); trying the next target")]
    public static partial void SearchFailed(ILogger logger, string query, string reason);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Thread not queued: part {Position} was refused ({Reason}); a thread is posted whole or not at all")]
    public static partial void ThreadSkipped(ILogger logger, int position, string reason);
}
