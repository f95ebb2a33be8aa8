namespace FollowerLoop.Sandbox.Audience;

/// <summary>A value drawn uniformly between Min and Max; equal bounds fix it.</summary>
public sealed record UniformPrior
{
    public required double Min { get; init; }

    public required double Max { get; init; }
}
