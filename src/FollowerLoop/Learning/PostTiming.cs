namespace FollowerLoop.Learning;

/// <summary>When a post goes out and what came shortly before it: the timing half of a model row.</summary>
/// <param name="At">The posting time (UTC; the model reads its hour and weekday in the account's time zone).</param>
/// <param name="Recent">Own posts before it within each of <see cref="PostingHistory.Windows"/>, in that order (readers tire of repeats, and of many posts).</param>
/// <param name="HoursSincePrevious">Hours since the previous own post; null for the first one.</param>
public sealed record PostTiming(DateTimeOffset At, IReadOnlyList<RecentPosts> Recent, double? HoursSincePrevious)
{
    /// <summary>A post with no other post near it: how Strategy compares hours and formats on equal terms.</summary>
    public static PostTiming Alone(DateTimeOffset at) => new(at, [.. PostingHistory.Windows.Select(_ => default(RecentPosts))], null);
}
