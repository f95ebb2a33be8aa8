namespace FollowerLoop.Sandbox.Audience;

/// <summary>An audience file: the account's start, organic drift, engagement rates, appeal priors and who the followers are.</summary>
public sealed record AudienceProfile
{
    public required AccountProfile Account { get; init; }

    public required OrganicProfile Organic { get; init; }

    public required EngagementProfile Engagement { get; init; }

    public required AppealPriors Appeal { get; init; }

    public FollowersProfile Followers { get; init; } = new();
}
