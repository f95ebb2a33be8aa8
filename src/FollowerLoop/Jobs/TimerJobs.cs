using FollowerLoop.Content;
using FollowerLoop.Learning;
using FollowerLoop.Posting;
using FollowerLoop.Replies;
using FollowerLoop.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace FollowerLoop.Jobs;

/// <summary>
/// The job table for engines that call the jobs themselves (the Durable engine's timers), with the
/// same names as the Functions app's timer functions and the same schedules as Hangfire's recurring jobs.
/// </summary>
public static class TimerJobs
{
    public static IReadOnlyList<TimerJob> All(JobSchedules s) =>
    [
        new(nameof(s.Plan), s.Plan, (sp, ct) => sp.GetRequiredService<PlanJob>().RunAsync(ct)),
        new(nameof(s.Reply), s.Reply, (sp, ct) => sp.GetRequiredService<ReplyJob>().RunAsync(ct)),
        new(nameof(s.Posting), s.Posting, (sp, ct) => sp.GetRequiredService<PostingJob>().RunAsync(ct)),
        new(nameof(s.TrackingReconciler), s.TrackingReconciler, (sp, ct) => sp.GetRequiredService<TrackingReconcilerJob>().RunAsync(ct)),
        new(nameof(s.Analytics), s.Analytics, (sp, ct) => sp.GetRequiredService<AnalyticsJob>().RunAsync(ct)),
        new(nameof(s.DataCollection), s.DataCollection, (sp, ct) => sp.GetRequiredService<DataCollectionJob>().RunAsync(ct)),
        new(nameof(s.Attribution), s.Attribution, (sp, ct) => sp.GetRequiredService<AttributionJob>().RunAsync(ct)),
        new(nameof(s.Outcomes), s.Outcomes, (sp, ct) => sp.GetRequiredService<OutcomesJob>().RunAsync(ct)),
        new(nameof(s.Learn), s.Learn, (sp, ct) => sp.GetRequiredService<LearnJob>().RunAsync(ct)),
        new(nameof(s.Strategy), s.Strategy, (sp, ct) => sp.GetRequiredService<StrategyJob>().RunAsync(ct)),
        new(nameof(s.ViralThread), s.ViralThread, (sp, ct) => sp.GetRequiredService<ViralThreadJob>().RunAsync(ct)),
    ];
}
