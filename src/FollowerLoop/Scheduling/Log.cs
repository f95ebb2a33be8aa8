using Microsoft.Extensions.Logging;

namespace FollowerLoop.Scheduling;

internal static partial class Log
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Error, Message = "Timer job {Job} failed; it runs again at its next occurrence")]
    public static partial void TimerJobFailed(ILogger logger, string job, Exception exception);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Timer job {Job} ({Trigger}) skipped: a run of it is still going")]
    public static partial void TimerJobSkipped(ILogger logger, string job, JobTrigger trigger);
}
