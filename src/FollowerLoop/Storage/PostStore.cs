using Dapper;
using Npgsql;

namespace FollowerLoop.Storage;

/// <summary><c>posted_decisions</c>: what was posted, when, and whether its tracking was scheduled.</summary>
public sealed class PostStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "decision_id as DecisionId, tweet_id as TweetId, account as Account, posted_at as PostedAt, tracking_scheduled_at as TrackingScheduledAt";

    /// <summary>Records the post and marks its content item posted, in one transaction; re-running is harmless.</summary>
    public async Task RecordPostedAsync(PostRecord post, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into posted_decisions (decision_id, tweet_id, account, posted_at, tracking_scheduled_at)
            values (@DecisionId, @TweetId, @Account, @PostedAt, @TrackingScheduledAt)
            on conflict (decision_id) do nothing
            """,
            post,
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "update content_metadata set status = 'posted', last_error = null, updated_at = @at where decision_id = @DecisionId",
            new { post.DecisionId, at },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Marks the post's tracking as scheduled unless someone already has: true for the one caller that
    /// should schedule it (Posting and the reconciler may both try, a moment apart).
    /// </summary>
    public async Task<bool> ClaimTrackingAsync(string tweetId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "update posted_decisions set tracking_scheduled_at = @at where tweet_id = @tweetId and tracking_scheduled_at is null",
            new { tweetId, at },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<PostRecord?> GetByTweetIdAsync(string tweetId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PostRecord>(new CommandDefinition(
            $"select {Columns} from posted_decisions where tweet_id = @tweetId",
            new { tweetId },
            cancellationToken: cancellationToken));
    }

    /// <summary>The account's posts made at or after <paramref name="since"/>, oldest first.</summary>
    public async Task<IReadOnlyList<PostRecord>> GetPostedSinceAsync(string account, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PostRecord>(new CommandDefinition(
            $"select {Columns} from posted_decisions where account = @account and posted_at >= @since order by posted_at",
            new { account, since },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>How many items of <paramref name="kind"/> were posted in [from, to): the truth behind the daily caps.</summary>
    public async Task<int> CountPostedAsync(string account, string kind, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            select count(*)::int from posted_decisions p join content_metadata c using (decision_id)
            where p.account = @account and c.kind = @kind and p.posted_at >= @from and p.posted_at < @to
            """,
            new { account, kind, from, to },
            cancellationToken: cancellationToken));
    }

    /// <summary>When the account last posted an item of <paramref name="kind"/>; null if never.</summary>
    /// <summary>When the account's last top-level post went out: a post or a thread's first part (replies and later parts hang under one).</summary>
    public async Task<DateTimeOffset?> GetLastTopLevelPostedAtAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<DateTimeOffset?>(new CommandDefinition(
            """
            select max(p.posted_at) from posted_decisions p join content_metadata c using (decision_id)
            where p.account = @account
              and (c.kind = 'post' or (c.kind = 'thread_part' and c.thread_position = 1))
            """,
            new { account },
            cancellationToken: cancellationToken));
    }

    /// <summary>The tweet id of a thread's part at <paramref name="position"/>, once it is posted.</summary>
    public async Task<string?> GetThreadPartTweetIdAsync(Guid threadId, int position, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            """
            select p.tweet_id from posted_decisions p join content_metadata c using (decision_id)
            where c.thread_id = @threadId and c.thread_position = @position
            """,
            new { threadId, position },
            cancellationToken: cancellationToken));
    }
}
