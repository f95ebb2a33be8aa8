namespace FollowerLoop.Worker.Dashboard.Charts;

/// <summary>An estimate with its interval, one row of a forest plot; a missing bound draws no whisker.</summary>
public sealed record IntervalRow(string Label, double Estimate, double? Low, double? High, string Title);
