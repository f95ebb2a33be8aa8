namespace FollowerLoop.Worker.Engine.Durable;

internal static partial class Log
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "The Durable Task worker had not stopped when the host's shutdown timeout ran out: stopping without it (its partition leases expire on their own)")]
    public static partial void WorkerStopAbandoned(ILogger logger);
}
