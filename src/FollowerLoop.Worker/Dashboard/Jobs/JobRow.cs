using FollowerLoop.Scheduling;

namespace FollowerLoop.Worker.Dashboard.Jobs;

/// <summary>A timer job on the jobs page: its schedule, next occurrence (on the app's clock) and latest runs.</summary>
public sealed record JobRow(string Name, string Cron, DateTimeOffset? NextRun, IReadOnlyList<JobRun> Runs);
