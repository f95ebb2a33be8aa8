namespace FollowerLoop.Worker.Dashboard.Charts;

/// <summary>One bar of a group: <see cref="Value"/> in data units, <see cref="CssClass"/> picks its colour.</summary>
public sealed record ChartBar(string Series, string CssClass, double Value, string Title);
