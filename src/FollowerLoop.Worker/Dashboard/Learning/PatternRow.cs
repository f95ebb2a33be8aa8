namespace FollowerLoop.Worker.Dashboard.Learning;

/// <summary>A current learned pattern; <see cref="ModelVersion"/> names the model it came from, if any.</summary>
public sealed record PatternRow(
    string Category,
    string Finding,
    double EffectSize,
    double? CiLow,
    double? CiHigh,
    int SampleSize,
    DateTimeOffset CreatedAt,
    string? ModelKind,
    int? ModelVersion)
{
    /// <summary>The group the finding is about: findings read "group: effect …".</summary>
    public string Group => Finding.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon ? Finding[..colon] : Finding;

    /// <summary>Whether it held at a 5% false discovery rate over all the comparisons (Benjamini–Hochberg).</summary>
    public bool Significant => FollowerLoop.Learning.PatternFinder.IsDiscovery(Finding);
}
