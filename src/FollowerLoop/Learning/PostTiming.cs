namespace FollowerLoop.Learning;

/// <summary>When a post goes out and what came shortly before it: the timing half of a model row.</summary>
/// <param name="At">The posting time (UTC).</param>
/// <param name="SameFormatRecent">Own posts of the same format in the <see cref="PostingHistory.FatigueWindow"/> before it (readers tire of repeats).</param>
/// <param name="HoursSincePrevious">Hours since the previous own post; null for the first one.</param>
public sealed record PostTiming(DateTimeOffset At, int SameFormatRecent, double? HoursSincePrevious);
