namespace FollowerLoop.Worker.Dashboard.Growth;

/// <summary>How far back the growth page looks (<c>?range=7d|30d|90d|all</c>), measured from the app clock's now.</summary>
public sealed record GrowthRange(string Key, string Label, TimeSpan? Span)
{
    public static IReadOnlyList<GrowthRange> All { get; } =
    [
        new("7d", "7 days", TimeSpan.FromDays(7)),
        new("30d", "30 days", TimeSpan.FromDays(30)),
        new("90d", "90 days", TimeSpan.FromDays(90)),
        new("all", "All time", null),
    ];

    public static GrowthRange Default => All[^1];

    /// <summary>The range named <paramref name="key"/>, the default when none is given, null when the key is unknown.</summary>
    public static GrowthRange? Parse(string? key) =>
        string.IsNullOrEmpty(key) ? Default : All.FirstOrDefault(r => r.Key.Equals(key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Why a request's range was refused: the 400's text on every page that takes one.</summary>
    public static string Problem => $"range must be one of: {string.Join(", ", All.Select(r => r.Key))}.";

    public DateTimeOffset? From(DateTimeOffset now) => Span is { } span ? now - span : null;
}
