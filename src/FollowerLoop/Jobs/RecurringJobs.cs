using FollowerLoop.Content;
using FollowerLoop.Learning;
using FollowerLoop.Posting;
using FollowerLoop.Replies;
using FollowerLoop.Tracking;
using Hangfire.Common;

namespace FollowerLoop.Jobs;

/// <summary>Every recurring job of the design's job table, in one place, with its schedule from configuration.</summary>
public static class RecurringJobs
{
    public static IReadOnlyList<RecurringJobDefinition> All(JobSchedules s) =>
    [
        new("plan", s.Plan, Job.FromExpression<PlanJob>(j => j.RunAsync(CancellationToken.None))),
        new("reply", s.Reply, Job.FromExpression<ReplyJob>(j => j.RunAsync(CancellationToken.None))),
        new("posting", s.Posting, Job.FromExpression<PostingJob>(j => j.RunAsync(CancellationToken.None))),
        new("tracking-reconciler", s.TrackingReconciler, Job.FromExpression<TrackingReconcilerJob>(j => j.RunAsync(CancellationToken.None))),
        new("analytics", s.Analytics, Job.FromExpression<AnalyticsJob>(j => j.RunAsync(CancellationToken.None))),
        new("data-collection", s.DataCollection, Job.FromExpression<DataCollectionJob>(j => j.RunAsync(CancellationToken.None))),
        new("attribution", s.Attribution, Job.FromExpression<AttributionJob>(j => j.RunAsync(CancellationToken.None))),
        new("outcomes", s.Outcomes, Job.FromExpression<OutcomesJob>(j => j.RunAsync(CancellationToken.None))),
        new("learn", s.Learn, Job.FromExpression<LearnJob>(j => j.RunAsync(CancellationToken.None))),
        new("strategy", s.Strategy, Job.FromExpression<StrategyJob>(j => j.RunAsync(CancellationToken.None))),
        new("viral-thread", s.ViralThread, Job.FromExpression<ViralThreadJob>(j => j.RunAsync(CancellationToken.None))),
    ];
}
