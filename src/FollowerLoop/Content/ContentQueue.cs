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
        var length = TweetLength.Check(item.Text);
        if (!length.IsAcceptable)
        {
            return Refuse(item, length.Problem!);
        }

        if (await dedupe.IsKnownAsync(item.ContentHash, cancellationToken) || !await content.EnqueueAsync(item, cancellationToken))
        {
            return Refuse(item, "the same text was already planned or posted");
        }

        await dedupe.RememberAsync(item.ContentHash, cancellationToken);
        Log.Queued(logger, item.DecisionId, item.Kind, item.ScheduledFor);
        return QueueOutcome.Ok;
    }

    private QueueOutcome Refuse(ContentItem item, string reason)
    {
        Log.RefusedContent(logger, item.Kind, reason);
        return QueueOutcome.Refused(reason);
    }
}
