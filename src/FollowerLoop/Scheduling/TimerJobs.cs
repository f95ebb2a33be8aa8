using FollowerLoop.Followers;
using FollowerLoop.Learning;
using FollowerLoop.Planning;
using FollowerLoop.Posting;
using FollowerLoop.Replies;
using FollowerLoop.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace FollowerLoop.Scheduling;

/// <summary>
/// The job table: each timer job's name (that of its timer function in the Functions app), its cron and its call.
/// The local engine's timers, the Functions app and the jobs page's run-now all run a job from here.
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
        new(nameof(s.Followers), s.Followers, (sp, ct) => sp.GetRequiredService<FollowersJob>().RunAsync(ct)),
    ];

    /// <summary>The job named <paramref name="name"/> (as its timer function), or null.</summary>
    public static TimerJob? Find(JobSchedules s, string name) =>
        All(s).FirstOrDefault(job => string.Equals(job.Name, name, StringComparison.Ordinal));
}
