namespace FollowerLoop.Sandbox.Audience;

/// <summary>Posting too often tires the audience: each own post beyond <see cref="PostsPerDay"/> in the 24 hours before a post costs appeal.</summary>
public sealed record SaturationProfile
{
    public required int PostsPerDay { get; init; }

    public required double PenaltyPerExtra { get; init; }
}
