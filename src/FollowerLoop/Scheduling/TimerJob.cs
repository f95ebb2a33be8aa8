using System.Text.Json;

namespace FollowerLoop.Scheduling;

/// <summary>A recurring job as a timer function runs it: its name (the setting <c>Jobs:Schedules:&lt;Name&gt;</c>), its cron, and the one call.</summary>
public sealed record TimerJob(string Name, string Cron, Func<IServiceProvider, CancellationToken, Task> Run)
{
    /// <summary>The job's name in the X API spend (<see cref="Costs.XUsageScope"/>): "data-collection" for DataCollection.</summary>
    public string UsageName => JsonNamingPolicy.KebabCaseLower.ConvertName(Name);
}
