namespace FollowerLoop.Worker.Dashboard.Charts;

/// <summary>
/// An estimate with its interval, one row of a forest plot; a missing bound draws no whisker. <see cref="Significant"/>:
/// whether the estimate holds as the statistics decide it (only then is it coloured by its sign).
/// </summary>
public sealed record IntervalRow(string Label, double Estimate, double? Low, double? High, string Title, bool Significant);
