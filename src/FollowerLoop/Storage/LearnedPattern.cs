namespace FollowerLoop.Storage;

/// <summary>
/// A readable finding ("study breakdowns: +5.2 followers per post (95% CI 3.1–7.3, n = 41)") with its
/// effect size, interval and sample size.
/// </summary>
public sealed record LearnedPattern
{
    public long Id { get; init; }

    public required string Account { get; init; }

    public required string Category { get; init; }

    public required string Finding { get; init; }

    public required double EffectSize { get; init; }

    public double? CiLow { get; init; }

    public double? CiHigh { get; init; }

    public required int SampleSize { get; init; }

    public long? ModelId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
