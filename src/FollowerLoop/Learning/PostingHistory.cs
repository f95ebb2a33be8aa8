namespace FollowerLoop.Learning;

/// <summary>
/// The account's own posts (replies to others excluded) by time, format and topic: what a post's repeats,
/// load and spacing are computed from, the same way for training rows and for planned candidates.
/// </summary>
public sealed class PostingHistory
{
    /// <summary>
    /// The windows a post's recent posts are counted in: short, a day and a few days, so the model learns how
    /// long readers remember (no single window is assumed).
    /// </summary>
    public static readonly IReadOnlyList<TimeSpan> Windows = [TimeSpan.FromHours(6), TimeSpan.FromHours(24), TimeSpan.FromHours(72)];

    /// <summary>How far back a post still counts for a new one.</summary>
    public static TimeSpan Longest => Windows[^1];

    private readonly List<(DateTimeOffset At, string? Format, string? Topic)> _posts;

    public PostingHistory(IEnumerable<(DateTimeOffset At, string? Format, string? Topic)> posts)
    {
        _posts = [.. posts.OrderBy(p => p.At)];
    }

    /// <summary>The timing of a post of <paramref name="format"/> and <paramref name="topic"/> at <paramref name="at"/>, given the posts strictly before it.</summary>
    public PostTiming TimingAt(DateTimeOffset at, string? format, string? topic)
    {
        var recent = new RecentPosts[Windows.Count];
        DateTimeOffset? previous = null;
        foreach (var (postAt, postFormat, postTopic) in _posts)
        {
            if (postAt >= at)
            {
                break;
            }

            previous = postAt;
            for (var w = 0; w < Windows.Count; w++)
            {
                if (postAt > at - Windows[w])
                {
                    recent[w] = new RecentPosts(
                        recent[w].SameFormat + (format is not null && postFormat == format ? 1 : 0),
                        recent[w].SameTopic + (topic is not null && postTopic == topic ? 1 : 0),
                        recent[w].All + 1);
                }
            }
        }

        return new PostTiming(at, recent, previous is { } p ? (at - p).TotalHours : null);
    }

    /// <summary>This history with one more (planned) post.</summary>
    public PostingHistory With(DateTimeOffset at, string? format, string? topic) => new([.. _posts, (at, format, topic)]);
}
