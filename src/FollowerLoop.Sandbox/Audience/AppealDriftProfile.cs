namespace FollowerLoop.Sandbox.Audience;

/// <summary>Tastes change: format and topic weights take a random-walk step at the start of every virtual week.</summary>
public sealed record AppealDriftProfile
{
    /// <summary>Sd of each weekly step.</summary>
    public required double SdPerWeek { get; init; }
}
