using System.Collections.Frozen;

namespace FollowerLoop.Storage;

/// <summary>Names (as stored in <c>collection_phase</c>) and offsets of the checkpoint phases.</summary>
public static class CheckpointPhases
{
    /// <summary>The phases measured by delayed jobs after the post, in order.</summary>
    public static IReadOnlyList<CheckpointPhase> Scheduled { get; } =
        [CheckpointPhase.Hours2, CheckpointPhase.Hours6, CheckpointPhase.Hours12, CheckpointPhase.Hours24, CheckpointPhase.Hours48];

    public static IReadOnlyList<CheckpointPhase> All { get; } = [CheckpointPhase.Baseline, .. Scheduled];

    private static readonly FrozenDictionary<string, CheckpointPhase> ByName =
        All.ToFrozenDictionary(ToColumn, StringComparer.Ordinal);

    /// <summary>The <c>collection_phase</c> value: "baseline", "2h" … "48h".</summary>
    public static string ToColumn(this CheckpointPhase phase) => phase switch
    {
        CheckpointPhase.Baseline => "baseline",
        CheckpointPhase.Hours2 => "2h",
        CheckpointPhase.Hours6 => "6h",
        CheckpointPhase.Hours12 => "12h",
        CheckpointPhase.Hours24 => "24h",
        CheckpointPhase.Hours48 => "48h",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Unknown checkpoint phase."),
    };

    public static TimeSpan Offset(this CheckpointPhase phase) => phase switch
    {
        CheckpointPhase.Baseline => TimeSpan.Zero,
        CheckpointPhase.Hours2 => TimeSpan.FromHours(2),
        CheckpointPhase.Hours6 => TimeSpan.FromHours(6),
        CheckpointPhase.Hours12 => TimeSpan.FromHours(12),
        CheckpointPhase.Hours24 => TimeSpan.FromHours(24),
        CheckpointPhase.Hours48 => TimeSpan.FromHours(48),
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Unknown checkpoint phase."),
    };

    public static CheckpointPhase Parse(string column) =>
        ByName.TryGetValue(column, out var phase)
            ? phase
            : throw new FormatException($"'{column}' is not a checkpoint phase (expected one of: {string.Join(", ", ByName.Keys)}).");
}
