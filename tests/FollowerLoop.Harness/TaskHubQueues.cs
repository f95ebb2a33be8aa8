using Azure.Storage.Queues;

namespace FollowerLoop.Harness;

/// <summary>A task hub's queues on Azure Storage (Azurite here): named after the hub, lowercased.</summary>
public static class TaskHubQueues
{
    /// <summary>
    /// Drops every message of the hub's queues: its control queues (starts, fired timers, activities' results) and its work
    /// items (activities to run), as Azurite loses them when it is killed before its autosave.
    /// </summary>
    public static async Task DropMessagesAsync(string connectionString, string hubName, CancellationToken cancellationToken)
    {
        var queues = new QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync(prefix: hubName.ToLowerInvariant(), cancellationToken: cancellationToken))
        {
            await queues.GetQueueClient(queue.Name).ClearMessagesAsync(cancellationToken);
        }
    }
}
