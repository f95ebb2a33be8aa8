namespace FollowerLoop.Learning;

/// <summary>
/// The choices <see cref="EngagementShareAttribution"/> makes in its fit, named so that the learning bench can replay
/// another set beside the kept one on the same run's data (<c>scripts/bench learning --compare</c>): an estimate changed
/// in the loop changes what the learner posts, and the runs then differ by more than the change. The job uses
/// <see cref="Default"/>; the reasons for each value are in the fit's comments.
/// </summary>
public sealed record EngagementShareRules
{
    public static EngagementShareRules Default { get; } = new();

    /// <summary>The reach exponents tried beside 1 (conversion in proportion to views).</summary>
    public IReadOnlyList<double> ReachExponents { get; init; } = [0.8, 1.2, 1.4, 1.6];

    /// <summary>A steeper exponent than 1 is kept only if its held-out error is at most this share of 1's.</summary>
    public double SteeperExponentBar { get; init; } = 0.9;

    /// <summary>A flatter exponent than 1 is kept only if its held-out error is at most this share of 1's.</summary>
    public double FlatterExponentBar { get; init; } = 0.9;

    /// <summary>Fewer posts than this in the fit keep the exponent at 1.</summary>
    public int MinPostsForReachExponent { get; init; } = 30;

    /// <summary>Each format's conversion is pulled towards the pooled one by this share of its own information.</summary>
    public double FormatPull { get; init; } = 0.5;

    /// <summary>The recent stretch's drift is kept in the share 1 − this/F of itself (F its F statistic).</summary>
    public double LevelShrink { get; init; } = 4;

    /// <summary>Every rule's value in range (NaN is in none), or the first that is not.</summary>
    public string? Invalid() => this switch
    {
        _ when ReachExponents.Any(e => e is not (> 0 and <= 3) || e == 1) => "ReachExponents must lie in (0, 3] and leave out 1, which is always tried",
        { SteeperExponentBar: not (> 0 and <= 1) } or { FlatterExponentBar: not (> 0 and <= 1) } => "the exponent bars must lie in (0, 1]",
        { MinPostsForReachExponent: < 2 } => "MinPostsForReachExponent must be at least 2",
        _ when FormatPull is not >= 0 || double.IsInfinity(FormatPull) => "FormatPull must be finite and not negative",
        _ when LevelShrink is not >= 0 || double.IsInfinity(LevelShrink) => "LevelShrink must be finite and not negative",
        _ => null,
    };
}
