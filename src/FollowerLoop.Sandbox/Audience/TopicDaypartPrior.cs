namespace FollowerLoop.Sandbox.Audience;

/// <summary>A random effect per topic × daypart (mean 0): a topic can do better in the morning than at night.</summary>
public sealed record TopicDaypartPrior
{
    public required double Sd { get; init; }
}
