namespace FollowerLoop.Jobs;

/// <summary>Hangfire queues. Checkpoints have their own workers so that posting or planning cannot starve them.</summary>
public static class JobQueues
{
    public const string Checkpoints = "checkpoints";
    public const string Default = "default";
}
