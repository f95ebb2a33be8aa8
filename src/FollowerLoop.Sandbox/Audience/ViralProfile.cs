namespace FollowerLoop.Sandbox.Audience;

/// <summary>Rare breakouts: with <see cref="Chance"/> a post's reach (views and follows) is multiplied by <see cref="Multiplier"/>.</summary>
public sealed record ViralProfile
{
    public required double Chance { get; init; }

    public required double Multiplier { get; init; }
}
