using FollowerLoop.Content;
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
        context.InstanceServices.GetRequiredService<PlanJob>().RunAsync(context.CancellationToken);

    [Function("Reply")]
    public static Task Reply([TimerTrigger("%Jobs:Schedules:Reply%")] TimerInfo timer, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<ReplyJob>().RunAsync(context.CancellationToken);

    [Function("Posting")]
    public static Task Posting([TimerTrigger("%Jobs:Schedules:Posting%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        context.InstanceServices.GetRequiredService<DurableClientBinding>().Client = client;
        return context.InstanceServices.GetRequiredService<PostingJob>().RunAsync(context.CancellationToken);
    }

    [Function("TrackingReconciler")]
    public static Task TrackingReconciler([TimerTrigger("%Jobs:Schedules:TrackingReconciler%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        context.InstanceServices.GetRequiredService<DurableClientBinding>().Client = client;
        return context.InstanceServices.GetRequiredService<TrackingReconcilerJob>().RunAsync(context.CancellationToken);
    }

    [Function("Analytics")]
    public static Task Analytics([TimerTrigger("%Jobs:Schedules:Analytics%")] TimerInfo timer, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<AnalyticsJob>().RunAsync(context.CancellationToken);

    [Function("DataCollection")]
    public static Task DataCollection([TimerTrigger("%Jobs:Schedules:DataCollection%")] TimerInfo timer, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<DataCollectionJob>().RunAsync(context.CancellationToken);

    [Function("Attribution")]
    public static Task Attribution([TimerTrigger("%Jobs:Schedules:Attribution%")] TimerInfo timer, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<AttributionJob>().RunAsync(context.CancellationToken);

    [Function("Outcomes")]
    public static Task Outcomes([TimerTrigger("%Jobs:Schedules:Outcomes%")] TimerInfo timer, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<OutcomesJob>().RunAsync(context.CancellationToken);

    [Function("Learn")]
    public static Task Learn([TimerTrigger("%Jobs:Schedules:Learn%")] TimerInfo timer, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<LearnJob>().RunAsync(context.CancellationToken);

    [Function("Strategy")]
    public static Task Strategy([TimerTrigger("%Jobs:Schedules:Strategy%")] TimerInfo timer, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<StrategyJob>().RunAsync(context.CancellationToken);

    [Function("ViralThread")]
    public static Task ViralThread([TimerTrigger("%Jobs:Schedules:ViralThread%")] TimerInfo timer, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<ViralThreadJob>().RunAsync(context.CancellationToken);
}
