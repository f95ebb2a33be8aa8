using System.Runtime.CompilerServices;
using FollowerLoop.Scheduling;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Functions;

/// <summary>
/// One timer function per job of the job table (<see cref="TimerJobs"/>), each on its own app setting
/// (<c>Jobs:Schedules:&lt;Job&gt;</c>, NCRONTAB, UTC), each one call through the library's wrapper
/// (<see cref="TimerJobExecutor"/>: no overlap, the run recorded for /dashboard/jobs). The two that start
/// tracking orchestrations get the Durable client as a binding.
/// </summary>
public static class TimerFunctions
{
    [Function("Plan")]
    public static Task Plan([TimerTrigger("%Jobs:Schedules:Plan%")] TimerInfo timer, FunctionContext context) => RunAsync(context);

    [Function("Reply")]
    public static Task Reply([TimerTrigger("%Jobs:Schedules:Reply%")] TimerInfo timer, FunctionContext context) => RunAsync(context);

    [Function("Posting")]
    public static Task Posting([TimerTrigger("%Jobs:Schedules:Posting%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        context.InstanceServices.GetRequiredService<DurableClientBinding>().Client = client;
        return RunAsync(context);
    }

    [Function("TrackingReconciler")]
    public static Task TrackingReconciler([TimerTrigger("%Jobs:Schedules:TrackingReconciler%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        context.InstanceServices.GetRequiredService<DurableClientBinding>().Client = client;
        return RunAsync(context);
    }

    [Function("Analytics")]
    public static Task Analytics([TimerTrigger("%Jobs:Schedules:Analytics%")] TimerInfo timer, FunctionContext context) => RunAsync(context);

    [Function("DataCollection")]
    public static Task DataCollection([TimerTrigger("%Jobs:Schedules:DataCollection%")] TimerInfo timer, FunctionContext context) => RunAsync(context);

    [Function("Attribution")]
    public static Task Attribution([TimerTrigger("%Jobs:Schedules:Attribution%")] TimerInfo timer, FunctionContext context) => RunAsync(context);

    [Function("Outcomes")]
    public static Task Outcomes([TimerTrigger("%Jobs:Schedules:Outcomes%")] TimerInfo timer, FunctionContext context) => RunAsync(context);

    [Function("Learn")]
    public static Task Learn([TimerTrigger("%Jobs:Schedules:Learn%")] TimerInfo timer, FunctionContext context) => RunAsync(context);

    [Function("Strategy")]
    public static Task Strategy([TimerTrigger("%Jobs:Schedules:Strategy%")] TimerInfo timer, FunctionContext context) => RunAsync(context);

    [Function("ViralThread")]
    public static Task ViralThread([TimerTrigger("%Jobs:Schedules:ViralThread%")] TimerInfo timer, FunctionContext context) => RunAsync(context);

    [Function("Followers")]
    public static Task Followers([TimerTrigger("%Jobs:Schedules:Followers%")] TimerInfo timer, FunctionContext context) => RunAsync(context);

    /// <summary>The job named after the function, run in the invocation's scope.</summary>
    private static Task RunAsync(FunctionContext context, [CallerMemberName] string function = "")
    {
        var services = context.InstanceServices;
        var job = TimerJobs.Find(services.GetRequiredService<IOptions<JobsOptions>>().Value.Schedules, function)
            ?? throw new InvalidOperationException($"The timer function {function} has no job in the job table.");
        return services.GetRequiredService<TimerJobExecutor>().RunAsync(job, services, JobTrigger.Schedule, context.CancellationToken);
    }
}
