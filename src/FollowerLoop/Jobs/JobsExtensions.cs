using FollowerLoop.Content;
using FollowerLoop.Learning;
using FollowerLoop.Posting;
using FollowerLoop.Replies;
using FollowerLoop.Time;
using FollowerLoop.Tracking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FollowerLoop.Jobs;

public static class JobsExtensions
{
    /// <summary>
    /// Registers every job class and what they use, for any engine. Tracking goes to Hangfire's
    /// <see cref="CheckpointScheduler"/> unless the host registers another <see cref="ICheckpointScheduler"/>.
    /// </summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<TrackingOptions>().Bind(builder.Configuration.GetSection(TrackingOptions.SectionName)).ValidateDataAnnotations();
        builder.Services.AddOptionsWithValidateOnStart<PostingOptions>().Bind(builder.Configuration.GetSection(PostingOptions.SectionName)).ValidateDataAnnotations();
        builder.AddContent().AddReplies().AddLearning();
        builder.Services.AddSingleton<ProfileReader>();
        builder.Services.AddSingleton<CheckpointScheduler>();
        builder.Services.TryAddSingleton<ICheckpointScheduler>(sp => sp.GetRequiredService<CheckpointScheduler>());
        builder.Services.AddTransient<CheckpointMeasurer>();

        builder.Services.AddTransient<PlanJob>();
        builder.Services.AddTransient<PostingJob>();
        builder.Services.AddTransient<CheckpointJob>();
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

    /// <summary>
    /// The Hangfire engine's recurring schedule: Hangfire's cron in real time, the virtual-clock
    /// scheduler in accelerated time. The host adds Hangfire's storage and servers.
    /// </summary>
    public static IHostApplicationBuilder AddHangfireRecurringJobs(this IHostApplicationBuilder builder)
    {
        var clock = builder.Configuration.GetSection(ClockOptions.SectionName).Get<ClockOptions>() ?? new ClockOptions();
        if (clock.Mode == ClockMode.Accelerated)
        {
            builder.Services.AddHostedService<AcceleratedRecurringScheduler>();
        }
        else
        {
            builder.Services.AddHostedService<RecurringJobRegistration>();
        }

        return builder;
    }
}
