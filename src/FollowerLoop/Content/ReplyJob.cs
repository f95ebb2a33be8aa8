using FollowerLoop.Posting;
using FollowerLoop.Storage;
using FollowerLoop.X;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Content;

/// <summary>
/// Finds fresh posts of the target keywords/accounts and queues one reply to each it has not answered yet,
/// never more than the day's reply cap leaves room for (Posting enforces the cap again when it posts).
/// </summary>
public sealed class ReplyJob(
    IXClient x,
    IContentGenerator generator,
    ContentQueue queue,
    ContentStore content,
    PostStore posts,
    RepliedTargets replied,
    IOptions<AccountOptions> account,
    IOptions<PlanOptions> options,
    IOptions<PostingOptions> posting,
    TimeProvider time,
    ILogger<ReplyJob> logger)
{
    private const int SearchDepth = 10;

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 1)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var handle = account.Value.Handle;
        var room = Math.Min(options.Value.RepliesPerRun, await RoomTodayAsync(handle, cancellationToken));
        var queued = 0;
        foreach (var query in options.Value.ReplyTargets)
        {
            if (queued >= room)
            {
                break;
            }

            foreach (var target in await FreshTargetsAsync(handle, query, cancellationToken))
            {
                if (queued >= room)
                {
                    break;
                }

                var text = await generator.GenerateReplyAsync(target, cancellationToken);
                var outcome = await queue.EnqueueAsync(
                    new ContentItem
                    {
                        DecisionId = Guid.NewGuid(),
                        Account = handle,
                        Kind = ContentKind.Reply,
                        Text = text,
                        Policy = "explore",
                        ReplyToTweetId = target.TweetId,
                        ScheduledFor = time.GetUtcNow(),
                        ContentHash = ContentHash.Of(handle, text),
                        CreatedAt = time.GetUtcNow(),
                    },
                    cancellationToken);
                queued += outcome.Queued ? 1 : 0;
            }
        }

        Log.RepliesQueued(logger, queued, room);
    }

    /// <summary>Replies the daily cap still allows: the cap minus today's posted and still-queued replies.</summary>
    private async Task<int> RoomTodayAsync(string handle, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var posted = await posts.CountPostedAsync(handle, ContentKind.Reply, today, today.AddDays(1), cancellationToken);
        var waiting = (await content.GetDueAsync(handle, now, posting.Value.DailyReplyCap + 100, cancellationToken)).Count(i => i.Kind == ContentKind.Reply);
        return Math.Max(0, posting.Value.DailyReplyCap - posted - waiting);
    }

    /// <summary>The query's posts by other accounts younger than Plan:ReplyFreshness that have no reply from us yet.</summary>
    private async Task<IReadOnlyList<FoundTweet>> FreshTargetsAsync(string handle, string query, CancellationToken cancellationToken)
    {
        IReadOnlyList<FoundTweet> found;
        try
        {
            found = await x.SearchRecentAsync(query, SearchDepth, cancellationToken);
        }
        catch (XClientException ex)
        {
            Log.SearchFailed(logger, query, ex.Message);
            return [];
        }

        var since = time.GetUtcNow() - options.Value.ReplyFreshness;
        var fresh = found.Where(t => !t.Handle.Equals(handle, StringComparison.OrdinalIgnoreCase) && t.PostedAt >= since).ToList();
        var answered = await replied.AmongAsync(handle, [.. fresh.Select(t => t.TweetId)], cancellationToken);
        return [.. fresh.Where(t => !answered.Contains(t.TweetId))];
    }
}
