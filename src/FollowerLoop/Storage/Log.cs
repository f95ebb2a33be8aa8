using Microsoft.Extensions.Logging;

namespace FollowerLoop.Storage;

internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applied migration {Version} ({Name})")]
    public static partial void MigrationApplied(ILogger logger, string version, string name);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Database is up to date: {AppliedNow} migration(s) applied now, {AppliedBefore} before")]
    public static partial void MigrationsDone(ILogger logger, int appliedNow, int appliedBefore);
}
