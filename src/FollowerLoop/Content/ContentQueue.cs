using FollowerLoop.Cache;
using FollowerLoop.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Content;

/// <summary>
/// The one way content enters content_metadata: refused when it is over-long, contains a banned phrase, or
/// repeats (exactly or nearly) one of the account's recent posts.
/// </summary>
public sealed class ContentQueue(ContentStore content, ContentDedupe dedupe, ContentGuard guard, IOptions<ContentOptions> options, ILogger<ContentQueue> logger)
{
    private const string Duplicate = "the same text was already planned or posted";

    public async Task<QueueOutcome> EnqueueAsync(ContentItem item, CancellationToken cancellationToken) =>
        await EnqueueAllAsync([item], cancellationToken) is [var (_, reason), ..] ? QueueOutcome.Refused(reason) : QueueOutcome.Ok;

    /// <summary>
    /// Queues the items whole (a thread's parts) or not at all: every item refused, with its reason, when any is (a
    /// twin stored meanwhile refuses the whole, named at its first item), and nothing is stored then; none when all
    /// were queued.
    /// </summary>
    public async Task<IReadOnlyList<(ContentItem Item, string Reason)>> EnqueueAllAsync(IReadOnlyList<ContentItem> items, CancellationToken cancellationToken)
    {
        var refused = items.Zip(await CheckAllAsync(items, cancellationToken)).Where(p => !p.Second.Queued).Select(p => (p.First, p.Second.Reason!)).ToList();
        if (refused.Count > 0)
        {
            return refused;
        }

        if (!await content.EnqueueAllAsync(items, cancellationToken))
        {
            Log.RefusedContent(logger, items[0].Kind, Duplicate);
            return [(items[0], Duplicate)];
        }

        foreach (var item in items)
        {
            await dedupe.RememberAsync(item.ContentHash, cancellationToken);
            Log.Queued(logger, item.DecisionId, item.Kind, item.ScheduledFor);
        }

        return [];
    }

    /// <summary>Whether the item would be accepted, without queuing it.</summary>
    public async Task<QueueOutcome> CheckAsync(ContentItem item, CancellationToken cancellationToken) =>
        (await CheckAllAsync([item], cancellationToken))[0];

    /// <summary>
    /// Each item's outcome, checked against the recent posts and the items before it in the list (a thread's
    /// parts are queued whole or not at all, so they must pass together).
    /// </summary>
    public async Task<IReadOnlyList<QueueOutcome>> CheckAllAsync(IReadOnlyList<ContentItem> items, CancellationToken cancellationToken)
    {
        var outcomes = new List<QueueOutcome>(items.Count);
        if (items.Count == 0)
        {
            return outcomes;
        }

        var recent = await RecentTextsAsync(items[0].Account, except: null, cancellationToken);
        foreach (var item in items)
        {
            var reason = await dedupe.IsKnownAsync(item.ContentHash, cancellationToken) ? Duplicate : guard.Check(item.Text, recent);
            outcomes.Add(reason is null ? QueueOutcome.Ok : Refuse(item, reason));
            recent.Add(item.Text);
        }

        return outcomes;
    }

    /// <summary>
    /// The account's latest texts (any status), which new content must not repeat, all but <paramref name="except"/>
    /// (an edited item's own old text: a corrected typo is a near-duplicate of what it corrects).
    /// </summary>
    public async Task<RecentTexts> RecentTextsAsync(string account, string? except, CancellationToken cancellationToken) =>
        new((await content.GetRecentTextsAsync(account, options.Value.RecentPostsCompared, cancellationToken))
            .Where(text => !string.Equals(text, except, StringComparison.Ordinal)));

    private QueueOutcome Refuse(ContentItem item, string reason)
    {
        Log.RefusedContent(logger, item.Kind, reason);
        return QueueOutcome.Refused(reason);
    }
}
