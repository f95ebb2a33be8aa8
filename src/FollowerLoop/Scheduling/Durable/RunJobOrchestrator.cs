using Microsoft.DurableTask;

namespace FollowerLoop.Scheduling.Durable;

/// <summary>
/// "Run now" from the jobs page: one timer job's run as an orchestration, so the dashboard needs only the task
/// hub to start it, in whichever host runs the jobs. No retry: a failed run shows as a failed instance and in <c>job_runs</c>.
/// </summary>
[DurableTask(Name)]
public sealed class RunJobOrchestrator : TaskOrchestrator<string, string>
{
    public const string Name = "RunJob";

    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        context.CallActivityAsync<string>(RunJobActivity.Name, input);
}
