namespace FollowerLoop.Worker.Dashboard.Charts;

/// <summary>A line through points; <see cref="CssClass"/> picks its colour.</summary>
public sealed record ChartSeries(string Name, string CssClass, IReadOnlyList<ChartPoint> Points);
