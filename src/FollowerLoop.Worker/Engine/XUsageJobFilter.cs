using FollowerLoop.Costs;
using FollowerLoop.Jobs;
using FollowerLoop.Tracking;
using Hangfire.Server;

namespace FollowerLoop.Worker.Engine;

/// <summary>
/// Opens an <see cref="XUsageScope"/> around every job Hangfire performs, named as in
/// <see cref="RecurringJobs"/> ("plan", "reply", …; "checkpoint" for checkpoints), so each X API
/// call is charged to the job that made it. Filters run on the worker's thread right before and after
/// the job method, so the scope flows into the job's async calls.
/// </summary>
internal sealed class XUsageJobFilter : IServerFilter
{
    private const string ScopeItem = "FollowerLoop.XUsageScope";

    private static readonly Dictionary<Type, string> Names =
        RecurringJobs.All(new JobSchedules()).Select(j => (j.Job.Type, j.Id)).Append((typeof(CheckpointJob), XUsageScope.Checkpoint)).ToDictionary();

    /// <summary>The usage name of a job class; <see cref="XUsageScope.Other"/> for one outside the job table.</summary>
    public static string NameOf(Type jobType) => Names.GetValueOrDefault(jobType, XUsageScope.Other);

    // Hangfire's filters are process-wide: a second host in the process (tests) adds a second instance, which must not nest a scope.
    public void OnPerforming(PerformingContext context)
    {
        if (!context.Items.ContainsKey(ScopeItem))
        {
            context.Items[ScopeItem] = XUsageScope.Begin(NameOf(context.BackgroundJob.Job.Type));
        }
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.Remove(ScopeItem, out var scope))
        {
            ((IDisposable)scope).Dispose();
        }
    }
}
