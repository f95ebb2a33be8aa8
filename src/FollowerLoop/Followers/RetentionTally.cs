namespace FollowerLoop.Followers;

/// <summary>Retained and gone arrivals at one mark, each weighted (1 per follower, or a post's share of it); unknowns are left out.</summary>
public sealed record RetentionTally(double Retained, double Gone)
{
    public static RetentionTally None { get; } = new(0, 0);

    /// <summary>The share still following among those whose fate is known; null when none is known, never 0%.</summary>
    public double? Share => Retained + Gone > 0 ? Retained / (Retained + Gone) : null;

    public RetentionTally Add(RetentionState state, double weight = 1) => state switch
    {
        RetentionState.Retained => this with { Retained = Retained + weight },
        RetentionState.Gone => this with { Gone = Gone + weight },
        _ => this,
    };
}
