namespace FollowerLoop.Worker.Dashboard.Charts;

/// <summary>A vertical mark at <see cref="X"/> (a post on the follower chart), linking to <see cref="Href"/>.</summary>
public sealed record ChartMarker(double X, string Title, string? Href);
