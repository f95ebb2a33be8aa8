using FollowerLoop.Content;
using FollowerLoop.Storage;
using FollowerLoop.X;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Replies;

/// <summary>
/// Writes one reply to a post that summoned the account and stores it: queued for Posting (<see cref="ReplyMode.Auto"/>)
/// or as a draft for a person, or kept as rejected with why, so that the post counts as dealt with either way.
/// </summary>
public sealed class ReplyWriter(IContentGenerator generator, ContentQueue queue, ContentStore content, TimeProvider time, ILogger<ReplyWriter> logger)
{
    private const int MaxWritingAttempts = 3;

    /// <summary>
    /// Writes and stores one reply; false when it was refused (stored as rejected, with why). A text the queue
    /// refuses (a near-duplicate of a recent one) is written again, a few times; one the reply guard refuses is
    /// not: the post tried to steer the writer, and it gets no answer.
    /// </summary>
    public async Task<bool> WriteAsync(string handle, Mention summons, ReplyMode mode, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var item = Reply(handle, summons, mode, await generator.GenerateReplyAsync(summons, cancellationToken));
            var refusal = ReplyGuard.Check(item.Text, summons);
            if (refusal is null)
            {
                var outcome = await queue.EnqueueAsync(item, cancellationToken);
                if (outcome.Queued)
                {
                    return true;
                }

                if (attempt < MaxWritingAttempts)
                {
                    continue;
                }

                refusal = outcome.Reason ?? "refused";
            }

            Log.ReplyRefused(logger, summons.TweetId, refusal);
            // Kept, rejected, under a hash of its own: the post counts as dealt with and the refusal can be seen.
            await content.EnqueueAsync(
                item with { Status = ContentStatus.Rejected, LastError = refusal, ContentHash = ContentHash.Of(handle, $"{item.Text}\u0000refused:{item.DecisionId}") },
                cancellationToken);
            return false;
        }
    }

    private ContentItem Reply(string handle, Mention summons, ReplyMode mode, string text)
    {
        var now = time.GetUtcNow();
        return new ContentItem
        {
            DecisionId = Guid.NewGuid(),
            Account = handle,
            Kind = ContentKind.Reply,
            Text = text,
            Policy = "explore",
            Status = mode == ReplyMode.Auto ? ContentStatus.Queued : ContentStatus.Draft,
            ReplyToTweetId = summons.TweetId,
            ReplyToHandle = summons.AuthorHandle,
            ReplyToText = summons.Text,
            ReplyToKind = summons.Kind.ToString().ToLowerInvariant(),
            ConversationId = summons.ConversationId,
            ScheduledFor = now,
            ContentHash = ContentHash.Of(handle, text),
            CreatedAt = now,
        };
    }
}
