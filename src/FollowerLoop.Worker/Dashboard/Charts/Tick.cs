namespace FollowerLoop.Worker.Dashboard.Charts;

/// <summary>A labelled position on an axis, in data units.</summary>
public sealed record Tick(double Value, string Label);
