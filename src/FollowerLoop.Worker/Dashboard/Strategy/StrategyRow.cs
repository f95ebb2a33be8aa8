using System.Text.Json;

namespace FollowerLoop.Worker.Dashboard.Strategy;

/// <summary>A row of <c>strategy</c> with the model it was computed from (none: from the patterns, or nothing learned yet).</summary>
public sealed record StrategyRow
{
    public required long Id { get; init; }

    /// <summary>JSON: format → share of the posts.</summary>
    public required string ContentMix { get; init; }

    /// <summary>JSON: the account's local hours Plan posts at.</summary>
    public required string BestHours { get; init; }

    public string? Notes { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? ModelKind { get; init; }

    public int? ModelVersion { get; init; }

    public int? ModelTrainingRows { get; init; }

    public DateTimeOffset? ModelTrainedAt { get; init; }

    public IReadOnlyList<int> Hours => JsonSerializer.Deserialize<int[]>(BestHours) ?? [];

    /// <summary>The shares, largest first.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Mix =>
        [.. (JsonSerializer.Deserialize<Dictionary<string, double>>(ContentMix) ?? []).OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal)];
}
