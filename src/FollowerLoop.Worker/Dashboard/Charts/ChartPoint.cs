namespace FollowerLoop.Worker.Dashboard.Charts;

/// <summary>A point in data units; <see cref="Title"/> is its tooltip.</summary>
public sealed record ChartPoint(double X, double Y, string Title);
