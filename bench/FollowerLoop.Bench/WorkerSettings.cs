using System.Globalization;
using FollowerLoop.Time;

namespace FollowerLoop.Bench;

/// <summary>What every bench's worker process is given: its services, the shared accelerated clock, quiet logs, and
/// every timer job off but those the bench names.</summary>
internal static class WorkerSettings
{
    private const string Never = "0 0 1 1 *";
    private static readonly string[] Jobs = ["Plan", "Reply", "Posting", "ViralThread", "Followers", "Analytics", "DataCollection", "Attribution", "Outcomes", "Learn", "Strategy"];

    public static Dictionary<string, string> Base(string database, string redis, string redisPrefix, string account, AcceleratedTimeProvider clock, string hubName, params string[] jobsOn)
    {
        var settings = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
            ["Database__ConnectionString"] = database,
            ["Redis__Configuration"] = redis,
            ["Redis__KeyPrefix"] = redisPrefix,
            ["Account__Handle"] = account,
            ["XClient__Handle"] = account,
            ["Clock__Mode"] = "Accelerated",
            ["Clock__Factor"] = clock.Factor.ToString(CultureInfo.InvariantCulture),
            ["Clock__Epoch"] = clock.Epoch.ToString("O"),
            ["Clock__RealStart"] = clock.RealStart.ToString("O"),
            ["DurableTask__HubName"] = hubName,
            // 30 s, not the default 2 minutes, before the messages a killed worker held are taken again (as in the
            // crash tests): at these clocks every real second of that wait is an hour of checkpoints queued behind it.
            ["DurableTask__WorkItemQueueVisibilityTimeout"] = "00:00:30",
            ["DurableTask__ControlQueueVisibilityTimeout"] = "00:00:30",
        };
        foreach (var job in Jobs.Except(jobsOn))
        {
            settings[$"Jobs__Schedules__{job}"] = Never;
        }

        return settings;
    }
}
