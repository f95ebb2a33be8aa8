using System.ComponentModel.DataAnnotations;

namespace FollowerLoop.Jobs;

/// <summary>Section <c>Jobs</c>: when each recurring job runs, and how the Hangfire engine is tuned.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    public JobSchedules Schedules { get; set; } = new();

    /// <summary>How often delayed jobs are checked for being due. Hangfire's 15 s default made checkpoints up to 14 s late.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Jobs:SchedulePollingInterval must be between 100 ms and 1 minute.")]
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often idle workers look for enqueued jobs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Jobs:QueuePollInterval must be between 100 ms and 1 minute.")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a job cut off by a crash stays invisible before another worker runs it (sliding while it runs).</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00", ErrorMessage = "Jobs:InvisibilityTimeout must be between 30 seconds and 1 hour.")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    [Range(typeof(TimeSpan), "00:00:05", "00:10:00", ErrorMessage = "Jobs:DistributedLockTimeout must be between 5 seconds and 10 minutes.")]
    public TimeSpan DistributedLockTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Workers that only run checkpoints, so posting or planning can never starve them.</summary>
    [Range(1, 64, ErrorMessage = "Jobs:CheckpointWorkers must be between 1 and 64.")]
    public int CheckpointWorkers { get; set; } = 4;

    [Range(1, 64, ErrorMessage = "Jobs:DefaultWorkers must be between 1 and 64.")]
    public int DefaultWorkers { get; set; } = 2;
}
