namespace FollowerLoop.Followers;

/// <summary>Whether an arrival was still following some days after it was first listed, as far as the passes can tell.</summary>
public enum RetentionState
{
    Unknown,
    Retained,
    Gone,
}
