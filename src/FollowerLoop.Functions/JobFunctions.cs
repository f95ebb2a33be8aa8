using FollowerLoop.Scheduling.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace FollowerLoop.Functions;

/// <summary>The Functions wrappers of the jobs page's "run now": the library's orchestrator and activity, as the local engine runs them.</summary>
public static class JobFunctions
{
    [Function(RunJobOrchestrator.Name)]
    public static Task<string> RunJob([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RunJobOrchestrator().RunAsync(context, context.GetInput<string>()!);

    /// <summary>Posting and the reconciler start tracking orchestrations: they need the client here as in their timer functions.</summary>
    [Function(RunJobActivity.Name)]
    public static Task<string> RunTimerJob([ActivityTrigger] string input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        context.InstanceServices.GetRequiredService<DurableClientBinding>().Client = client;
        return context.InstanceServices.GetRequiredService<RunJobActivity>().RunAsync(new FunctionActivityContext(RunJobActivity.Name, instanceId), input);
    }
}
