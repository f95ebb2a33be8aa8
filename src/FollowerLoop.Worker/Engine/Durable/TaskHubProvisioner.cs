using DurableTask.AzureStorage;

namespace FollowerLoop.Worker.Engine.Durable;

/// <summary>
/// Creates the task hub's tables, queues and lease blobs when they are missing, as the host starts: in
/// <see cref="StartingAsync"/>, which the host runs before any hosted service's start, so before the
/// worker (<see cref="TaskHubWorkerService"/>) takes its partitions and before a job or page uses the client.
/// </summary>
internal sealed class TaskHubProvisioner(AzureStorageOrchestrationService service) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => service.CreateIfNotExistsAsync().WaitAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
