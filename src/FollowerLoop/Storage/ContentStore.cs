using Dapper;
using Npgsql;

namespace FollowerLoop.Storage;

/// <summary><c>content_metadata</c>: the queue of planned items and their posting state.</summary>
public sealed class ContentStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        """
        decision_id as DecisionId, account as Account, kind as Kind, text as Text, format as Format,
        topic as Topic, hook as Hook, features::text as Features, predicted_gain as PredictedGain,
        predicted_gain_2h as PredictedGain2h,
        policy as Policy, status as Status, scheduled_for as ScheduledFor, content_hash as ContentHash,
        reply_to_tweet_id as ReplyToTweetId, reply_to_handle as ReplyToHandle, reply_to_text as ReplyToText,
        reply_to_kind as ReplyToKind, conversation_id as ConversationId, thread_id as ThreadId, thread_position as ThreadPosition,
        attempts as Attempts, posting_started_at as PostingStartedAt, sent_tweet_id as SentTweetId, last_error as LastError,
        created_at as CreatedAt
        """;

    private const string Insert =
        """
        insert into content_metadata (decision_id, account, kind, text, format, topic, hook, features,
            predicted_gain, policy, status, scheduled_for, content_hash, reply_to_tweet_id, reply_to_handle,
            reply_to_text, reply_to_kind, conversation_id, thread_id, thread_position, attempts, last_error, created_at, updated_at)
        values (@DecisionId, @Account, @Kind, @Text, @Format, @Topic, @Hook, @Features::jsonb,
            @PredictedGain, @Policy, @Status, @ScheduledFor, @ContentHash, @ReplyToTweetId, @ReplyToHandle,
            @ReplyToText, @ReplyToKind, @ConversationId, @ThreadId, @ThreadPosition, 0, @LastError, @CreatedAt, @CreatedAt)
        on conflict (content_hash) do nothing
        """;

    /// <summary>Queues the item; false when the same content (hash) is already known.</summary>
    public async Task<bool> EnqueueAsync(ContentItem item, CancellationToken cancellationToken) =>
        await EnqueueAllAsync([item], cancellationToken);

    /// <summary>
    /// Queues the items all or none (a thread's parts: half a thread must never be queued), in one transaction;
    /// false, and nothing queued, when any one's content (hash) is already known.
    /// </summary>
    public async Task<bool> EnqueueAllAsync(IReadOnlyList<ContentItem> items, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var item in items)
        {
            if (await connection.ExecuteAsync(new CommandDefinition(Insert, item, transaction, cancellationToken: cancellationToken)) != 1)
            {
                return false;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<ContentItem?> GetAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ContentItem>(new CommandDefinition(
            $"select {Columns} from content_metadata where decision_id = @decisionId",
            new { decisionId },
            cancellationToken: cancellationToken));
    }

    /// <summary>Queued items whose time has come, oldest first (thread parts in order; items due together in the order they were planned).</summary>
    public async Task<IReadOnlyList<ContentItem>> GetDueAsync(string account, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ContentItem>(new CommandDefinition(
            $"""
            select {Columns} from content_metadata
            where account = @account and status = 'queued' and scheduled_for <= @now
            order by scheduled_for, thread_position nulls first, created_at, decision_id
            limit @limit
            """,
            new { account, now, limit },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// The account's replies that wait for a person's decision (oldest first), then the latest decided ones (decided in
    /// the same instant, as a batch is: the newer first).
    /// </summary>
    public async Task<IReadOnlyList<ContentItem>> GetRepliesForReviewAsync(string account, int decidedCount, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ContentItem>(new CommandDefinition(
            $$"""
            select {{Columns}} from (
                (select *, 0 as part from content_metadata where account = @account and kind = 'reply' and status = 'draft')
                union all
                (select *, 1 from content_metadata where account = @account and kind = 'reply' and status <> 'draft'
                 order by updated_at desc, created_at desc, decision_id limit @decidedCount)
            ) c
            order by part, case when part = 0 then created_at end, updated_at desc, created_at desc, decision_id
            """,
            new { account, decidedCount },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Items whose posting began but whose outcome was never recorded (a crash mid-post).</summary>
    public async Task<IReadOnlyList<ContentItem>> GetInFlightAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ContentItem>(new CommandDefinition(
            $"select {Columns} from content_metadata where account = @account and status = 'posting' order by posting_started_at",
            new { account },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Records the intent to post before the click; false if another run claimed the item first.</summary>
    public async Task<bool> MarkPostingAsync(Guid decisionId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            """
            update content_metadata
            set status = 'posting', posting_started_at = @at, attempts = attempts + 1, updated_at = @at
            where decision_id = @decisionId and status = 'queued'
            """,
            new { decisionId, at },
            cancellationToken: cancellationToken));
        return claimed == 1;
    }

    /// <summary>Keeps the id X answered for an item being posted, before anything else is written about it.</summary>
    public async Task MarkSentAsync(Guid decisionId, string tweetId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update content_metadata set sent_tweet_id = @tweetId, updated_at = @at where decision_id = @decisionId and status = 'posting'",
            new { decisionId, tweetId, at },
            cancellationToken: cancellationToken));
    }

    /// <summary>A post attempt that certainly did not reach X: back to the queue, or failed for good.</summary>
    public async Task MarkNotPostedAsync(Guid decisionId, string error, bool retry, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update content_metadata
            set status = @status, last_error = @error, posting_started_at = null, sent_tweet_id = null, updated_at = @at
            where decision_id = @decisionId and status in ('queued', 'posting')
            """,
            new { decisionId, error, at, status = retry ? ContentStatus.Queued : ContentStatus.Failed },
            cancellationToken: cancellationToken));
    }

    /// <summary>Takes a queued item off the queue for good, saying why (a dry run's items, a person's decision).</summary>
    public async Task CancelAsync(Guid decisionId, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update content_metadata set status = 'cancelled', last_error = @reason, updated_at = @at where decision_id = @decisionId and status = 'queued'",
            new { decisionId, reason, at },
            cancellationToken: cancellationToken));
    }

    /// <summary>Records the early-velocity model's call on a posted item's 48-hour gain.</summary>
    public async Task SetPredictedGain2hAsync(Guid decisionId, double gain, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update content_metadata set predicted_gain_2h = @gain, updated_at = @at where decision_id = @decisionId",
            new { decisionId, gain, at },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The texts of the account's latest <paramref name="count"/> items (any status), for near-duplicate checks, and
    /// every item created in the same instant as the last of them: a Plan round creates its items together, and
    /// which of them made the cut would be the heap's order, so the same plan could pass or be refused.
    /// </summary>
    public async Task<IReadOnlyList<string>> GetRecentTextsAsync(string account, int count, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "select text from content_metadata where account = @account order by created_at desc fetch first @count rows with ties",
            new { account, count },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<bool> HashExistsAsync(string contentHash, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from content_metadata where content_hash = @contentHash)",
            new { contentHash },
            cancellationToken: cancellationToken));
    }
}
