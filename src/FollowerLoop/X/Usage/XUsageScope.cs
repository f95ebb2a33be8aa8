namespace FollowerLoop.X.Usage;

/// <summary>
/// Which job the X API calls of the current async flow belong to, for the spend per job. The engine
/// sets it around every job run (the timer-job wrapper and the checkpoint activity open it in one line:
/// <c>using var scope = XUsageScope.Begin("reply");</c>). Calls outside any
/// scope are counted as <see cref="Other"/>.
/// </summary>
public static class XUsageScope
{
    public const string Other = "other";

    /// <summary>A post's checkpoint reads, on either engine.</summary>
    public const string Checkpoint = "checkpoint";

    private static readonly AsyncLocal<string?> Job = new();

    public static string Current => Job.Value ?? Other;

    /// <summary>Counts the calls of this flow (and the tasks it starts) for <paramref name="job"/> until disposed, then restores the enclosing scope.</summary>
    public static IDisposable Begin(string job)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        var scope = new Scope(Job.Value);
        Job.Value = job;
        return scope;
    }

    private sealed class Scope(string? enclosing) : IDisposable
    {
        public void Dispose() => Job.Value = enclosing;
    }
}
