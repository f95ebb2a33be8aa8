using DurableTask.AzureStorage;

namespace FollowerLoop.Tests.Infrastructure;

/// <summary>A task hub of a test's own on Azurite, deleted afterwards: each left behind would slow every later scan of Azurite's tables.</summary>
public sealed class AzuriteTaskHub : IAsyncDisposable
{
    public string Name { get; } = $"t{Guid.NewGuid():N}"[..24];

    public async ValueTask DisposeAsync()
    {
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = Name,
            StorageAccountClientProvider = new StorageAccountClientProvider(TestEnvironment.Azurite),
        });
        await service.DeleteAsync();
    }
}
