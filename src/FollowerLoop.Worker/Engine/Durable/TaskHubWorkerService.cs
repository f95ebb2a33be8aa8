using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Hosting;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Worker.Engine.Durable;

/// <summary>
/// The Durable Task worker of <c>followerloop run</c>: the orchestrators and activities registered with
/// <c>AddTasks</c> (the same classes the Functions app runs) on DurableTask.Core's own dispatcher over the
/// Azure Storage provider, through the SDK's shims. Unlike the dispatcher of the gRPC test sidecar (the first
/// route), this one keeps extended sessions: an orchestration woken by its activity's result, moments after
/// the timer woke it, is still in memory, so the provider neither reads its history again nor replays it.
/// </summary>
internal sealed class TaskHubWorkerService(
    string name,
    IDurableTaskFactory factory,
    IOptionsMonitor<DurableTaskWorkerOptions> options,
    AzureStorageOrchestrationService service,
    IServiceProvider services,
    ILoggerFactory loggerFactory) : DurableTaskWorker(name, factory)
{
    private TaskHubWorker? _worker;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var shims = new DurableTaskShimFactory(options.Get(Name), loggerFactory);
        _worker = new TaskHubWorker(
            service,
            new OrchestratorShims(Factory, shims, services),
            new ActivityShims(Factory, shims, services),
            loggerFactory);
        await _worker.StartAsync();
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_worker is not null)
        {
            try
            {
                // Not forced: orchestration and activity work items in flight finish (or are abandoned by the provider).
                // Bounded by the host's shutdown timeout: the provider waits up to 10 minutes to release its partition
                // leases while storage does not answer, and a host that cannot stop cannot be restarted.
                await _worker.StopAsync(isForced: false).WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Log.WorkerStopAbandoned(loggerFactory.CreateLogger<TaskHubWorkerService>());
            }
        }

        await base.StopAsync(cancellationToken);
    }

    // Everything happens on the dispatcher's threads, started above.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
}
