using FollowerLoop.Storage;

namespace FollowerLoop.Worker.Dashboard.Shared;

/// <summary>Where one checkpoint of a post stands, from its rows in the two tracking tables and the clock.</summary>
public enum PhaseState
{
    /// <summary>Both the metrics and the follower count were read.</summary>
    Measured,

    /// <summary>Recorded after its last attempt with at least one value unknown.</summary>
    Failed,

    /// <summary>No result yet, and not due yet.</summary>
    Pending,

    /// <summary>No result yet although it is due: the job is running late, retrying, or was lost.</summary>
    Overdue,
}

/// <summary>How a phase's state is told and shown.</summary>
public static class PhaseStates
{
    /// <summary>The state from the statuses of the phase's rows (null when a table has none) and its due time.</summary>
    public static PhaseState Of(string? metricsStatus, string? followersStatus, DateTimeOffset dueAt, DateTimeOffset now) =>
        (metricsStatus, followersStatus) switch
        {
            (null, null) => dueAt > now ? PhaseState.Pending : PhaseState.Overdue,
            (CheckpointStatus.Measured, CheckpointStatus.Measured) => PhaseState.Measured,
            _ => PhaseState.Failed,
        };

    public static string CssClass(this PhaseState state) => state.ToString().ToLowerInvariant();
}
