namespace FollowerLoop.Storage;

/// <summary>A checkpoint row is either measured or failed (after its last retry); failed rows hold NULLs.</summary>
public static class CheckpointStatus
{
    public const string Measured = "measured";
    public const string Failed = "failed";
}
