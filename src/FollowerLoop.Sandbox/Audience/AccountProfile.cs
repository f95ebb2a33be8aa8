namespace FollowerLoop.Sandbox.Audience;

/// <summary>The account at the epoch.</summary>
public sealed record AccountProfile
{
    public required long InitialFollowers { get; init; }

    public required long Following { get; init; }

    /// <summary>Posts made before the epoch (counted in statuses_count).</summary>
    public required long PreviousPosts { get; init; }

    public required DateTimeOffset Joined { get; init; }

    /// <summary>Where most of the audience lives: the hour and weekday effects use this local time.</summary>
    public required double UtcOffsetHours { get; init; }
}
