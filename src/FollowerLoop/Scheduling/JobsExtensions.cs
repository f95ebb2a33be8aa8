using FollowerLoop.Compliance;
using FollowerLoop.Content;
using FollowerLoop.Followers;
using FollowerLoop.Learning;
using FollowerLoop.Planning;
using FollowerLoop.Posting;
using FollowerLoop.Replies;
using FollowerLoop.Time;
using FollowerLoop.Tracking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Scheduling;

public static class JobsExtensions
{
    /// <summary>
    /// Registers every job class and what they use. The host registers the <see cref="ICheckpointScheduler"/>
    /// (the Durable one, on the client its engine gives).
    /// </summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<TrackingOptions>().BindStrictly(builder.Configuration.GetSection(TrackingOptions.SectionName)).ValidateAttributes();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrackingOptions>, TrackingOptionsValidator>());
        builder.Services.AddOptionsWithValidateOnStart<PostingOptions>().BindStrictly(builder.Configuration.GetSection(PostingOptions.SectionName)).ValidateAttributes();
        builder.AddContent().AddPlanning().AddReplies().AddCompliance().AddLearning().AddFollowers();
        builder.Services.AddSingleton<ProfileReader>();
        builder.Services.AddTransient<CheckpointMeasurer>();

        builder.Services.AddSingleton<JobRunStore>();
        builder.Services.AddTransient<TimerJobExecutor>();
        builder.Services.AddTransient<PlanJob>();
        builder.Services.AddTransient<PostingJob>();
        builder.Services.AddSingleton<KillSwitchNotice>();
        builder.Services.AddTransient<TrackingReconcilerJob>();
        builder.Services.AddTransient<AnalyticsJob>();
        builder.Services.AddTransient<DataCollectionJob>();
        builder.Services.AddTransient<AttributionJob>();
        builder.Services.AddTransient<OutcomesJob>();
        builder.Services.AddTransient<LearnJob>();
        builder.Services.AddTransient<StrategyJob>();
        builder.Services.AddTransient<ViralThreadJob>();
        return builder;
    }
}
