using Azure.Identity;
using DurableTask.AzureStorage;
using FollowerLoop.Scheduling;
using FollowerLoop.Scheduling.Durable;
using FollowerLoop.Tracking;
using FollowerLoop.Tracking.Durable;
using FollowerLoop.Worker.Dashboard.Orchestrations;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Worker.Engine.Durable;

internal static class DurableEngineExtensions
{
    /// <summary>
    /// The Durable engine without the Functions host: the library's orchestrators and activities on
    /// DurableTask.Core's worker (<see cref="TaskHubWorkerService"/>), over the Azure Storage provider (Azurite
    /// locally; the task hub has the layout the Functions host gives it in Azure), and each timer function on its cron.
    /// </summary>
    public static IHostApplicationBuilder AddDurableEngine(this IHostApplicationBuilder builder)
    {
        builder.AddDurableTrackingClient();
        builder.Services.AddDurableTaskWorker(worker => worker
            .AddTasks(tasks => tasks.AddTracking().AddRunJob())
            .UseBuildTarget<TaskHubWorkerService>());
        builder.Services.AddHostedService<TimerJobRunner>();
        return builder;
    }

    /// <summary>
    /// The task hub's client and tracking scheduler with no worker: starts and reads orchestrations, never
    /// runs them (the benchmark starts each post's tracking with it, as Posting does in a worker).
    /// </summary>
    public static IHostApplicationBuilder AddDurableTrackingClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<DurableEngineOptions>()
            .BindStrictly(builder.Configuration.GetSection(DurableEngineOptions.SectionName))
            .ValidateAttributes()
            .Validate(o => o.LeaseRenewInterval * 3 <= o.LeaseInterval,
                "DurableTask:LeaseRenewInterval must be at most a third of DurableTask:LeaseInterval (a claim must survive a missed renewal).");
        builder.Services.AddSingleton(sp => new AzureStorageOrchestrationService(Settings(
            sp.GetRequiredService<IOptions<DurableEngineOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>())));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrackingOptions>, StuckAfterValidator>());
        builder.Services.AddHostedService<TaskHubProvisioner>();
        // In process, on the same service as the worker: no endpoint between them.
        builder.Services.AddDurableTaskClient(client => client.UseBuildTarget<AzureStorageDurableTaskClient>());
        builder.Services.AddDurableTracking();
        builder.Services.AddSingleton<TaskHubReader>();
        return builder;
    }

    private static AzureStorageOrchestrationServiceSettings Settings(DurableEngineOptions options, ILoggerFactory loggerFactory) => new()
    {
        TaskHubName = options.HubName,
        // A restarted process must not reuse the dead one's id: the provider would take the partition leases
        // still in that id's name as already held and renew them without listening to their control queues
        // (measured: orchestrations waiting on timers at a SIGKILL never resumed). A new id waits out the leases instead.
        WorkerId = $"{Environment.MachineName}-{Guid.NewGuid():N}",
        StorageAccountClientProvider = options.StorageAccountName is { } account
            ? new StorageAccountClientProvider(account, new DefaultAzureCredential())
            : new StorageAccountClientProvider(options.Storage),
        PartitionCount = options.PartitionCount,
        MaxQueuePollingInterval = options.MaxQueuePollingInterval,
        // The table partition manager renews and acquires at the same interval.
        LeaseInterval = options.LeaseInterval,
        LeaseRenewInterval = options.LeaseRenewInterval,
        LeaseAcquireInterval = options.LeaseRenewInterval,
        WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,
        ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
        ExtendedSessionsEnabled = options.ExtendedSessionIdleTimeout > TimeSpan.Zero,
        ExtendedSessionIdleTimeout = options.ExtendedSessionIdleTimeout,
        MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
        MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
        LoggerFactory = loggerFactory,
    };
}
