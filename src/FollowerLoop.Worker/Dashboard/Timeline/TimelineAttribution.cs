namespace FollowerLoop.Worker.Dashboard.Timeline;

/// <summary>Followers one method attributed to the post over its window.</summary>
public sealed record TimelineAttribution(string Method, double? Followers, DateTimeOffset WindowStart, DateTimeOffset WindowEnd);
