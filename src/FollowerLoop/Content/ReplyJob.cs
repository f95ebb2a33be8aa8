using FollowerLoop.Storage;
using FollowerLoop.X;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Content;

/// <summary>Finds fresh posts of the target keywords/accounts and queues replies (Posting enforces the daily cap).</summary>
public sealed class ReplyJob(
    IXClient x,
    IContentGenerator generator,
    ContentQueue queue,
    IOptions<AccountOptions> account,
    IOptions<PlanOptions> options,
    TimeProvider time,
    ILogger<ReplyJob> logger)
{
    private const int SearchDepth = 10;

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 1)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var query in options.Value.ReplyTargets)
        {
            IReadOnlyList<FoundTweet> found;
            try
            {
                found = await x.SearchRecentAsync(query, SearchDepth, cancellationToken);
            }
            catch (XClientException ex)
            {
                Log.SearchFailed(logger, query, ex.Message);
                continue;
            }

            foreach (var target in found.Where(t => !t.Handle.Equals(account.Value.Handle, StringComparison.OrdinalIgnoreCase)))
            {
                if (queued >= options.Value.RepliesPerRun)
                {
                    return;
                }

                var text = await generator.GenerateReplyAsync(target, cancellationToken);
                var outcome = await queue.EnqueueAsync(
                    new ContentItem
                    {
                        DecisionId = Guid.NewGuid(),
                        Account = account.Value.Handle,
                        Kind = ContentKind.Reply,
                        Text = text,
                        Policy = "explore",
                        ReplyToTweetId = target.TweetId,
                        ScheduledFor = time.GetUtcNow(),
                        ContentHash = ContentHash.Of(account.Value.Handle, text),
                        CreatedAt = time.GetUtcNow(),
                    },
                    cancellationToken);
                queued += outcome.Queued ? 1 : 0;
            }
        }
    }
}
