namespace FollowerLoop.Learning;

/// <summary>
/// The account's own posts (replies to others excluded) by time and format: what a post's fatigue and
/// crowding are computed from, the same way for training rows and for planned candidates.
/// </summary>
public sealed class PostingHistory
{
    /// <summary>How far back a post of the same format still counts as a repeat.</summary>
    public static readonly TimeSpan FatigueWindow = TimeSpan.FromHours(24);

    private readonly List<(DateTimeOffset At, string? Format)> _posts;

    public PostingHistory(IEnumerable<(DateTimeOffset At, string? Format)> posts)
    {
        _posts = [.. posts.OrderBy(p => p.At)];
    }

    /// <summary>The timing of a post of <paramref name="format"/> at <paramref name="at"/>, given the posts strictly before it.</summary>
    public PostTiming TimingAt(DateTimeOffset at, string? format)
    {
        var sameFormat = 0;
        DateTimeOffset? previous = null;
        foreach (var (postAt, postFormat) in _posts)
        {
            if (postAt >= at)
            {
                break;
            }

            previous = postAt;
            if (postAt > at - FatigueWindow && format is not null && postFormat == format)
            {
                sameFormat++;
            }
        }

        return new PostTiming(at, sameFormat, previous is { } p ? (at - p).TotalHours : null);
    }

    /// <summary>This history with one more (planned) post.</summary>
    public PostingHistory With(DateTimeOffset at, string? format) => new([.. _posts, (at, format)]);
}
