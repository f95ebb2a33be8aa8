namespace FollowerLoop.Worker.Dashboard.Growth;

/// <summary>
/// Where posts went out: one post, or when a long range holds more posts than the chart can mark,
/// <see cref="Count"/> posts of one time bucket (<see cref="PostId"/> is the first of them).
/// </summary>
public sealed record PostMarker(DateTimeOffset At, string PostId, string Text, int Count);
