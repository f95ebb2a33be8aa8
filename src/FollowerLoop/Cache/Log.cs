using Microsoft.Extensions.Logging;

namespace FollowerLoop.Cache;

internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Redis is unavailable ({Operation} failed: {Reason}); reading and writing through Postgres until it is back")]
    public static partial void RedisDown(ILogger logger, string operation, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Redis is reachable again")]
    public static partial void RedisBack(ILogger logger);
}
