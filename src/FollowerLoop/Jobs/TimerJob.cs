namespace FollowerLoop.Jobs;

/// <summary>A recurring job as a timer function runs it: its name (the setting <c>Jobs:Schedules:&lt;Name&gt;</c>), its cron, and the one call.</summary>
public sealed record TimerJob(string Name, string Cron, Func<IServiceProvider, CancellationToken, Task> Run);
