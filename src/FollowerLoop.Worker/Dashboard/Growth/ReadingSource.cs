namespace FollowerLoop.Worker.Dashboard.Growth;

/// <summary>Which readings the follower chart draws.</summary>
public enum ReadingSource
{
    /// <summary>Every snapshot and checkpoint reading, one point each.</summary>
    All,

    /// <summary>The snapshots, as the last one of each time bucket.</summary>
    Snapshots,

    /// <summary>The checkpoint readings, bucketed (an account without snapshots).</summary>
    Checkpoints,
}
