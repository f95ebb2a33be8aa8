namespace FollowerLoop.Worker.Dashboard.Timeline;

/// <summary>A Hangfire job that ran (or will run) one attempt of a checkpoint; Phase is the enum's number as Hangfire stored it.</summary>
public sealed record CheckpointJobRun(long JobId, int Phase, int Attempt, string? State, DateTimeOffset CreatedAt)
{
    public string Href => $"/hangfire/jobs/details/{JobId}";
}
