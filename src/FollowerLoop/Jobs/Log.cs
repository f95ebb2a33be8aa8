using Microsoft.Extensions.Logging;

namespace FollowerLoop.Jobs;

internal static partial class Log
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Error, Message = "Timer job {Job} failed; it runs again at its next occurrence")]
    public static partial void TimerJobFailed(ILogger logger, string job, Exception exception);
}
