using Microsoft.Extensions.Logging;

namespace FollowerLoop.Planning;

internal static partial class Log
{
    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Thread not queued: a part was refused ({Reason}); a thread is queued whole or not at all")]
    public static partial void ThreadSkipped(ILogger logger, string reason);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Plan: no free slot in the next {Horizon}; nothing to write")]
    public static partial void NoFreeSlot(ILogger logger, TimeSpan horizon);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Plan: queued {Queued} of {Slots} free slots; model: {Model}")]
    public static partial void Planned(ILogger logger, int queued, int slots, string model);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information, Message = "Plan: the guards refused {Refused} of the {Written} candidates written; the first: {Reason}")]
    public static partial void CandidatesRefused(ILogger logger, int refused, int written, string reason);
}
