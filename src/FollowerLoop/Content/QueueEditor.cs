using System.Text.Json;
using Dapper;
using FollowerLoop.Cache;
using FollowerLoop.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FollowerLoop.Content;

/// <summary>
/// A person's changes to what is queued (the queue dashboard): a new text, checked by the same guards as anything
/// queued (and a reply by the reply rules), or taking an item off the queue. Only a queued item changes: one Posting has claimed is left alone.
/// </summary>
public sealed class QueueEditor(
    NpgsqlDataSource dataSource, ContentStore content, ContentQueue queue, ContentDedupe dedupe, ContentGuard guard, TimeProvider time, ILogger<QueueEditor> logger)
{
    /// <summary>Why the item cannot take <paramref name="text"/>, or null once it has.</summary>
    public async Task<string?> EditAsync(Guid decisionId, string? text, CancellationToken cancellationToken)
    {
        if (await content.GetAsync(decisionId, cancellationToken) is not { Status: ContentStatus.Queued } item)
        {
            return "nothing with that id waits in the queue (posted, cancelled or being posted meanwhile?)";
        }

        var edited = text?.Trim() ?? "";
        if (edited.Length == 0 || string.Equals(edited, item.Text, StringComparison.Ordinal))
        {
            return "the text is empty or unchanged";
        }

        var hash = ContentHash.Of(item.Account, edited);
        if (await dedupe.IsKnownAsync(hash, cancellationToken))
        {
            return "the same text was already planned or posted";
        }

        var recent = await queue.RecentTextsAsync(item.Account, except: item.Text, cancellationToken);

        // A reply keeps to the reply rules too (no link, no one else named), as when it was written or approved.
        if (((item.Kind == ContentKind.Reply ? ReplyGuard.Check(edited, item) : null) ?? guard.Check(edited, recent)) is { } refusal)
        {
            return refusal;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // A person's words: Plan's prediction and its features were for the text it wrote, so they go (the features are measured again).
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            update content_metadata
            set text = @edited, content_hash = @hash, features = @features::jsonb, policy = 'manual', predicted_gain = null, updated_at = @now
            where decision_id = @decisionId and status = 'queued'
            """,
            new { decisionId, edited, hash, features = JsonSerializer.Serialize(ContentFeatures.Of(edited)), now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
        if (changed == 0)
        {
            return "it left the queue meanwhile";
        }

        await dedupe.RememberAsync(hash, cancellationToken);
        Log.QueueChanged(logger, decisionId, "edited");
        return null;
    }

    /// <summary>
    /// Takes the item off the queue for good, or says why not. A thread part takes the parts after it too: they
    /// answer it, so they could never be posted.
    /// </summary>
    public async Task<string?> CancelAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var cancelled = await connection.ExecuteAsync(new CommandDefinition(
            """
            update content_metadata c
            set status = 'cancelled', last_error = 'cancelled by a person', updated_at = @now
            from content_metadata chosen
            where chosen.decision_id = @decisionId and chosen.status = 'queued' and c.status = 'queued'
              and (c.decision_id = chosen.decision_id
                   or (c.thread_id = chosen.thread_id and c.thread_position > chosen.thread_position))
            """,
            new { decisionId, now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
        if (cancelled == 0)
        {
            return "nothing with that id waits in the queue (posted, cancelled or being posted meanwhile?)";
        }

        Log.QueueChanged(logger, decisionId, cancelled == 1 ? "cancelled" : $"cancelled with the {cancelled - 1} thread parts after it");
        return null;
    }
}
