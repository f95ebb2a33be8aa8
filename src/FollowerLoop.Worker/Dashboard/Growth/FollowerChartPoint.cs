namespace FollowerLoop.Worker.Dashboard.Growth;

/// <summary>
/// A point of the growth chart: the account's follower count at a moment and where it came from (a snapshot or a post's
/// checkpoint), which the chart shows; attribution's <c>FollowerLoop.Learning.FollowerReading</c> needs no source.
/// </summary>
public sealed record FollowerChartPoint(DateTimeOffset At, long Followers, string Source);
