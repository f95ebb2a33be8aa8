using FollowerLoop.Learning;
using FollowerLoop.Storage;

namespace FollowerLoop.Planning;

/// <summary>The account's own posts around now, posted or queued: what a new post's timing is judged against.</summary>
public sealed class PlanHistory(PostStore posts, ContentStore content)
{
    private const int QueueLimit = 500;

    /// <summary>
    /// The posts of the last <see cref="PostingHistory.Longest"/> and those queued up to <paramref name="ahead"/> (replies to others left out), and the
    /// times a new post must keep its distance from. A queued item already overdue is expected to go out now.
    /// </summary>
    public async Task<(PostingHistory History, IReadOnlyList<DateTimeOffset> Taken)> ReadAsync(string handle, DateTimeOffset now, TimeSpan ahead, CancellationToken cancellationToken)
    {
        var entries = new List<(DateTimeOffset At, string? Format, string? Topic)>();
        foreach (var post in await posts.GetPostedSinceAsync(handle, now - PostingHistory.Longest, cancellationToken))
        {
            if (await content.GetAsync(post.DecisionId, cancellationToken) is { Kind: not ContentKind.Reply } item)
            {
                entries.Add((post.PostedAt, item.Format, item.Topic));
            }
        }

        foreach (var item in await content.GetDueAsync(handle, now + ahead, QueueLimit, cancellationToken))
        {
            if (item.Kind != ContentKind.Reply)
            {
                entries.Add((item.ScheduledFor > now ? item.ScheduledFor : now, item.Format, item.Topic));
            }
        }

        return (new PostingHistory(entries), [.. entries.Select(e => e.At)]);
    }
}
