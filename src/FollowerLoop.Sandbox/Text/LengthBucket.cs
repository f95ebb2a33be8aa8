namespace FollowerLoop.Sandbox.Text;

/// <summary>Weighted length (x.com counting) in three bands.</summary>
public enum LengthBucket
{
    /// <summary>Up to 80 weighted characters.</summary>
    Short,

    /// <summary>81 to 180.</summary>
    Medium,

    /// <summary>Over 180.</summary>
    Long,
}
