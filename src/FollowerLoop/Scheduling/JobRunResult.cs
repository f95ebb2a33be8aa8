namespace FollowerLoop.Scheduling;

/// <summary>How a timer job's run ended (<c>job_runs.result</c>).</summary>
public enum JobRunResult
{
    Succeeded,
    Failed,

    /// <summary>Not run: the same job was already running (here or in another process).</summary>
    Skipped,
}
