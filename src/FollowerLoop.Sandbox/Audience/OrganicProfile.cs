namespace FollowerLoop.Sandbox.Audience;

/// <summary>Follower changes unrelated to posts: Poisson gains and losses every hour.</summary>
public sealed record OrganicProfile
{
    public required double GainsPerHour { get; init; }

    public required double LossesPerHour { get; init; }
}
