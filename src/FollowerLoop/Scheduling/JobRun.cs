namespace FollowerLoop.Scheduling;

/// <summary>One row of <c>job_runs</c>. <see cref="Result"/> is null while running, or for good when the process died mid-run.</summary>
public sealed record JobRun(long Id, string Job, string Trigger, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, long? DurationMs, string? Result, string? Error, string Host);
