namespace FollowerLoop.Sandbox.Audience;

/// <summary>A weight drawn from a normal distribution; Sd 0 fixes it at Mean.</summary>
public sealed record NormalPrior
{
    public required double Mean { get; init; }

    public required double Sd { get; init; }
}
