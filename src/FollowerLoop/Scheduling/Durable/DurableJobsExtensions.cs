using Microsoft.DurableTask;

namespace FollowerLoop.Scheduling.Durable;

public static class DurableJobsExtensions
{
    /// <summary>The run-now orchestrator and its activity, registered alike by every Durable Task host.</summary>
    public static DurableTaskRegistry AddRunJob(this DurableTaskRegistry registry) =>
        registry.AddOrchestrator<RunJobOrchestrator>().AddActivity<RunJobActivity>();
}
