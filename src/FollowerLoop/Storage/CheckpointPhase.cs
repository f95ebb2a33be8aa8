namespace FollowerLoop.Storage;

/// <summary>The moments a post is measured: at posting (baseline) and 2, 6, 12, 24 and 48 hours after.</summary>
public enum CheckpointPhase
{
    Baseline,
    Hours2,
    Hours6,
    Hours12,
    Hours24,
    Hours48,
}
