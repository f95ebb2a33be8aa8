using FollowerLoop.Cache;
using FollowerLoop.Storage;
using FollowerLoop.X;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Content;

/// <summary>The one way content enters content_metadata: guarded against over-long and duplicate text.</summary>
public sealed class ContentQueue(ContentStore content, ContentDedupe dedupe, ILogger<ContentQueue> logger)
{
    public async Task<QueueOutcome> EnqueueAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(item, cancellationToken);
        if (!check.Queued)
        {
            return check;
        }

        if (!await content.EnqueueAsync(item, cancellationToken))
        {
            return Refuse(item, Duplicate);
        }

        await dedupe.RememberAsync(item.ContentHash, cancellationToken);
        Log.Queued(logger, item.DecisionId, item.Kind, item.ScheduledFor);
        return QueueOutcome.Ok;
    }

    /// <summary>Whether the item would be accepted, without queuing it (a thread is queued whole or not at all).</summary>
    public async Task<QueueOutcome> CheckAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var length = TweetLength.Check(item.Text);
        if (!length.IsAcceptable)
        {
            return Refuse(item, length.Problem!);
        }

        return await dedupe.IsKnownAsync(item.ContentHash, cancellationToken) ? Refuse(item, Duplicate) : QueueOutcome.Ok;
    }

    private const string Duplicate = "the same text was already planned or posted";

    private QueueOutcome Refuse(ContentItem item, string reason)
    {
        Log.RefusedContent(logger, item.Kind, reason);
        return QueueOutcome.Refused(reason);
    }
}
