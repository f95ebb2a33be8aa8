namespace FollowerLoop.Worker.Dashboard.Charts;

/// <summary>Bars side by side under one label (one post, one bar per attribution method).</summary>
public sealed record BarGroup(string Label, string? Href, IReadOnlyList<ChartBar> Bars);
