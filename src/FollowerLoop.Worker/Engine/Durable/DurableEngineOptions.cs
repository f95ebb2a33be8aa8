using System.ComponentModel.DataAnnotations;

namespace FollowerLoop.Worker.Engine.Durable;

/// <summary>
/// Section <c>DurableTask</c>: the task hub of `followerloop run --engine durable`, on the Azure Storage
/// provider (Azurite locally), tuned as measured on a 2-core machine (see the README's engine notes).
/// </summary>
public sealed class DurableEngineOptions
{
    public const string SectionName = "DurableTask";

    /// <summary>The task hub: tables <c>&lt;hub&gt;Instances</c> and <c>&lt;hub&gt;History</c>, its queues and leases. Same setting as host.json's <c>hubName</c>.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$", ErrorMessage = "DurableTask:HubName must be 3–45 letters or digits, starting with a letter.")]
    public string HubName { get; set; } = "FollowerLoop";

    /// <summary>The storage account's connection string; the default is Azurite on its default loopback ports. A secret in Azure.</summary>
    [Required(ErrorMessage = "DurableTask:Storage is required (UseDevelopmentStorage=true for Azurite).")]
    public string Storage { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>
    /// In Azure: the task hub's storage account by name, reached with the managed identity (DefaultAzureCredential;
    /// <c>AZURE_CLIENT_ID</c> picks a user-assigned one), no key anywhere. When set, <see cref="Storage"/> is not used.
    /// </summary>
    [RegularExpression("^[a-z0-9]{3,24}$", ErrorMessage = "DurableTask:StorageAccountName must be a storage account name: 3–24 lowercase letters or digits.")]
    public string? StorageAccountName { get; set; }

    /// <summary>
    /// Control-queue partitions: how many workers can share the orchestrations. This host is one worker, and
    /// every poll of a control queue costs Azurite a scan of all its messages: with 1 instead of 4 the tracking
    /// bench's p99 at 1,000 posts fell from 14.5 s to 9.7 s. host.json keeps 4 for the Functions app in Azure.
    /// </summary>
    [Range(1, 16, ErrorMessage = "DurableTask:PartitionCount must be between 1 and 16.")]
    public int PartitionCount { get; set; } = 1;

    /// <summary>The longest an idle queue waits between polls. The 30 s default made a checkpoint after an idle gap 6–14 s late.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30", ErrorMessage = "DurableTask:MaxQueuePollingInterval must be between 100 ms and 30 seconds.")]
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long an activity taken by a worker that died stays invisible before it runs again (default
    /// 5 minutes). Must stay longer than the longest checkpoint: a shorter one runs a slow read twice.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:30:00", ErrorMessage = "DurableTask:WorkItemQueueVisibilityTimeout must be between 30 seconds and 30 minutes.")]
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long control-queue messages (a post's start, its fired timers, its activities' results) taken by a
    /// worker that died stay invisible before another takes them (default 5 minutes): the orchestrations they
    /// wake wait that long after a crash. host.json sets the same.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:30:00", ErrorMessage = "DurableTask:ControlQueueVisibilityTimeout must be between 30 seconds and 30 minutes.")]
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a worker's claim on a control-queue partition lasts without renewal (provider default 30 s).
    /// A worker restarted after a crash takes a new id and waits for the dead one's claim to lapse, and every
    /// checkpoint falling due meanwhile queues up: the shorter, the smaller the backlog after a crash.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:05:00", ErrorMessage = "DurableTask:LeaseInterval must be between 5 seconds and 5 minutes.")]
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the worker renews its partition claims and looks for unclaimed ones (provider default 10 s); at most a third of <see cref="LeaseInterval"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "DurableTask:LeaseRenewInterval must be between 1 second and 1 minute.")]
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Activities (checkpoint reads) run at once in this worker. Each spends most of its time waiting on X and
    /// storage: on Azurite (2 cores) 16 sustained the tracking bench's load where 8 fell behind; 64 slowed Azurite.
    /// </summary>
    [Range(1, 100, ErrorMessage = "DurableTask:MaxConcurrentActivities must be between 1 and 100.")]
    public int MaxConcurrentActivities { get; set; } = 16;

    /// <summary>
    /// Orchestrations held at once, counting those idling in an extended session (which cost storage nothing):
    /// at the tracking bench's 8 checkpoints a second each holds a slot for about <see cref="ExtendedSessionIdleTimeout"/>
    /// after its episode, so this must exceed rate times idle time or orchestrations queue behind idle sessions.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "DurableTask:MaxConcurrentOrchestrations must be between 1 and 1000.")]
    public int MaxConcurrentOrchestrations { get; set; } = 64;

    /// <summary>
    /// How long an orchestration stays in memory after an episode, waiting for its next message (extended
    /// sessions). A checkpoint is two episodes moments apart (the timer fires, then the activity's result
    /// arrives): kept in memory, the second one neither reads the history again nor replays it; on Azurite each
    /// history read scans the whole history table. Longer than a checkpoint's read, or the second episode reads it
    /// again (nothing worse); zero turns sessions off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "DurableTask:ExtendedSessionIdleTimeout must be between 0 and 5 minutes.")]
    public TimeSpan ExtendedSessionIdleTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
