using Dapper;
using Npgsql;

namespace FollowerLoop.Replies;

/// <summary>
/// What the Reply job must know before it writes: which summoning posts were already dealt with, which
/// conversations and people were answered, who asked it to stop, how much of the day's cap is left, and
/// where the last read of X ended. Postgres only: these are promises to people, not cache entries.
/// </summary>
public sealed class ReplyHistory(NpgsqlDataSource dataSource)
{
    /// <summary>Replies that count as given (or about to be): everything but the rejected, cancelled and failed.</summary>
    private const string Standing = "status not in ('rejected', 'cancelled', 'failed')";

    /// <summary>Summoning posts with any reply row at all, refused and rejected included: they are never written for again.</summary>
    public async Task<IReadOnlySet<string>> DealtWithAsync(string account, IReadOnlyCollection<string> tweetIds, CancellationToken cancellationToken) =>
        await SetAsync(
            "select reply_to_tweet_id from content_metadata where account = @account and kind = 'reply' and reply_to_tweet_id = any(@values)",
            account,
            tweetIds,
            cancellationToken);

    public async Task<IReadOnlySet<string>> ConversationsAnsweredAsync(string account, IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken) =>
        await SetAsync(
            $"select conversation_id from content_metadata where account = @account and kind = 'reply' and conversation_id = any(@values) and {Standing}",
            account,
            conversationIds,
            cancellationToken);

    /// <summary>The people (lower-case handles) given a reply since <paramref name="since"/>.</summary>
    public async Task<IReadOnlySet<string>> PeopleAnsweredSinceAsync(string account, IReadOnlyCollection<string> handles, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            $"""
            select distinct lower(reply_to_handle) from content_metadata
            where account = @account and kind = 'reply' and lower(reply_to_handle) = any(@handles) and created_at >= @since and {Standing}
            """,
            new { account, handles = Lower(handles), since },
            cancellationToken: cancellationToken));
        return rows.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlySet<string>> OptedOutAsync(string account, IReadOnlyCollection<string> handles, CancellationToken cancellationToken) =>
        await SetAsync("select handle from reply_opt_outs where account = @account and handle = any(@values)", account, Lower(handles), cancellationToken);

    /// <summary>Records a "stop" request; the first one stands.</summary>
    public async Task RecordOptOutAsync(string account, string handle, string tweetId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into reply_opt_outs (account, handle, tweet_id, requested_at) values (@account, lower(@handle), @tweetId, @at)
            on conflict (account, handle) do nothing
            """,
            new { account, handle, tweetId, at },
            cancellationToken: cancellationToken));
    }

    /// <summary>The day's reply cap minus replies posted today and those waiting (drafts, queued, being posted).</summary>
    public async Task<int> RoomTodayAsync(string account, int dailyCap, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var used = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            select count(*)::int from content_metadata c left join posted_decisions p using (decision_id)
            where c.account = @account and c.kind = 'reply'
              and (c.status in ('draft', 'queued', 'posting') or (c.status = 'posted' and p.posted_at >= @today and p.posted_at < @tomorrow))
            """,
            new { account, today, tomorrow = today.AddDays(1) },
            cancellationToken: cancellationToken));
        return Math.Max(0, dailyCap - used);
    }

    public async Task<string?> GetCursorAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select newest_tweet_id from reply_cursors where account = @account",
            new { account },
            cancellationToken: cancellationToken));
    }

    /// <summary>Moves the cursor forward only (ids are snowflakes: longer, then larger, is newer).</summary>
    public async Task AdvanceCursorAsync(string account, string tweetId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into reply_cursors (account, newest_tweet_id, updated_at) values (@account, @tweetId, @at)
            on conflict (account) do update set newest_tweet_id = excluded.newest_tweet_id, updated_at = excluded.updated_at
            where (length(excluded.newest_tweet_id), excluded.newest_tweet_id collate "C") > (length(reply_cursors.newest_tweet_id), reply_cursors.newest_tweet_id collate "C")
            """,
            new { account, tweetId, at },
            cancellationToken: cancellationToken));
    }

    private static string[] Lower(IReadOnlyCollection<string> handles) => [.. handles.Select(h => h.ToLowerInvariant())];

    private async Task<IReadOnlySet<string>> SetAsync(string sql, string account, IReadOnlyCollection<string> values, CancellationToken cancellationToken)
    {
        if (values.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(sql, new { account, values = values.ToArray() }, cancellationToken: cancellationToken));
        return rows.ToHashSet(StringComparer.Ordinal);
    }
}
