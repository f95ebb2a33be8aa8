using Microsoft.Extensions.Logging;

namespace FollowerLoop.Content;

internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Queued {DecisionId} ({Kind}) for {ScheduledFor:u}")]
    public static partial void Queued(ILogger logger, Guid decisionId, string kind, DateTimeOffset scheduledFor);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Not queued ({Kind}): {Reason}")]
    public static partial void RefusedContent(ILogger logger, string kind, string reason);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "LLM {What}: {Reason}; the templates write it instead")]
    public static partial void LlmUnusable(ILogger logger, string what, string reason);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Warning, Message = "LLM {What}: {Usable} usable of {Asked} asked for; templates write the rest")]
    public static partial void LlmShort(ILogger logger, string what, int usable, int asked);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Information, Message = "Queue: {DecisionId} {Change} by a person")]
    public static partial void QueueChanged(ILogger logger, Guid decisionId, string change);
}
