using System.Runtime.CompilerServices;
using FollowerLoop.Content;
using FollowerLoop.Costs;
using FollowerLoop.Jobs;
using FollowerLoop.Learning;
using FollowerLoop.Posting;
using FollowerLoop.Replies;
using FollowerLoop.Tracking;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FollowerLoop.Functions;

/// <summary>
/// One timer function per recurring job of the job table, each on its own app setting
/// (<c>Jobs:Schedules:&lt;Job&gt;</c>, NCRONTAB, UTC), each one call into the library's job. The two that
/// start tracking orchestrations get the Durable client as a binding.
/// </summary>
public static class TimerFunctions
{
    [Function("Plan")]
    public static Task Plan([TimerTrigger("%Jobs:Schedules:Plan%")] TimerInfo timer, FunctionContext context) =>
        RunAsync<PlanJob>(context, (job, ct) => job.RunAsync(ct));

    [Function("Reply")]
    public static Task Reply([TimerTrigger("%Jobs:Schedules:Reply%")] TimerInfo timer, FunctionContext context) =>
        RunAsync<ReplyJob>(context, (job, ct) => job.RunAsync(ct));

    [Function("Posting")]
    public static Task Posting([TimerTrigger("%Jobs:Schedules:Posting%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        context.InstanceServices.GetRequiredService<DurableClientBinding>().Client = client;
        return RunAsync<PostingJob>(context, (job, ct) => job.RunAsync(ct));
    }

    [Function("TrackingReconciler")]
    public static Task TrackingReconciler([TimerTrigger("%Jobs:Schedules:TrackingReconciler%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        context.InstanceServices.GetRequiredService<DurableClientBinding>().Client = client;
        return RunAsync<TrackingReconcilerJob>(context, (job, ct) => job.RunAsync(ct));
    }

    [Function("Analytics")]
    public static Task Analytics([TimerTrigger("%Jobs:Schedules:Analytics%")] TimerInfo timer, FunctionContext context) =>
        RunAsync<AnalyticsJob>(context, (job, ct) => job.RunAsync(ct));

    [Function("DataCollection")]
    public static Task DataCollection([TimerTrigger("%Jobs:Schedules:DataCollection%")] TimerInfo timer, FunctionContext context) =>
        RunAsync<DataCollectionJob>(context, (job, ct) => job.RunAsync(ct));

    [Function("Attribution")]
    public static Task Attribution([TimerTrigger("%Jobs:Schedules:Attribution%")] TimerInfo timer, FunctionContext context) =>
        RunAsync<AttributionJob>(context, (job, ct) => job.RunAsync(ct));

    [Function("Outcomes")]
    public static Task Outcomes([TimerTrigger("%Jobs:Schedules:Outcomes%")] TimerInfo timer, FunctionContext context) =>
        RunAsync<OutcomesJob>(context, (job, ct) => job.RunAsync(ct));

    [Function("Learn")]
    public static Task Learn([TimerTrigger("%Jobs:Schedules:Learn%")] TimerInfo timer, FunctionContext context) =>
        RunAsync<LearnJob>(context, (job, ct) => job.RunAsync(ct));

    [Function("Strategy")]
    public static Task Strategy([TimerTrigger("%Jobs:Schedules:Strategy%")] TimerInfo timer, FunctionContext context) =>
        RunAsync<StrategyJob>(context, (job, ct) => job.RunAsync(ct));

    [Function("ViralThread")]
    public static Task ViralThread([TimerTrigger("%Jobs:Schedules:ViralThread%")] TimerInfo timer, FunctionContext context) =>
        RunAsync<ViralThreadJob>(context, (job, ct) => job.RunAsync(ct));

    /// <summary>One job's run, its X API calls charged to the job (named after the function, as the local engine names it).</summary>
    private static async Task RunAsync<TJob>(FunctionContext context, Func<TJob, CancellationToken, Task> run, [CallerMemberName] string function = "")
        where TJob : notnull
    {
        using var usage = XUsageScope.Begin(TimerJob.UsageNameOf(function));
        await run(context.InstanceServices.GetRequiredService<TJob>(), context.CancellationToken);
    }
}
