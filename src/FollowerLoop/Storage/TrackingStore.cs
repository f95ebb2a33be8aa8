using Dapper;
using Npgsql;

namespace FollowerLoop.Storage;

/// <summary>
/// <c>post_velocity_tracking</c> and <c>post_follower_tracking</c>, keyed on (post_id, collection_phase)
/// so a re-run checkpoint updates its row. A measured row is never overwritten by a later failure.
/// </summary>
public sealed class TrackingStore(NpgsqlDataSource dataSource)
{
    private const string UpsertVelocity =
        """
        insert into post_velocity_tracking as t (post_id, collection_phase, status, likes, retweets, replies,
            bookmarks, views, quotes, url_link_clicks, hours_after_post, due_at, checked_at, attempts, error)
        values (@PostId, @Phase, @Status, @Likes, @Retweets, @Replies, @Bookmarks, @Views, @Quotes, @UrlLinkClicks,
            @HoursAfterPost, @DueAt, @CheckedAt, @Attempts, @Error)
        on conflict (post_id, collection_phase) do update set
            status = excluded.status, likes = excluded.likes, retweets = excluded.retweets,
            replies = excluded.replies, bookmarks = excluded.bookmarks, views = excluded.views,
            quotes = excluded.quotes, url_link_clicks = excluded.url_link_clicks,
            hours_after_post = excluded.hours_after_post, due_at = excluded.due_at,
            checked_at = excluded.checked_at, attempts = excluded.attempts, error = excluded.error
        where t.status <> 'measured' or excluded.status = 'measured'
        """;

    private const string UpsertFollowers =
        """
        insert into post_follower_tracking as t (post_id, collection_phase, status, followers, followers_exact,
            profile_views, hours_after_post, due_at, checked_at, attempts, error)
        values (@PostId, @Phase, @Status, @Followers, @FollowersExact, @ProfileViews, @HoursAfterPost, @DueAt,
            @CheckedAt, @Attempts, @Error)
        on conflict (post_id, collection_phase) do update set
            status = excluded.status, followers = excluded.followers, followers_exact = excluded.followers_exact,
            profile_views = excluded.profile_views,
            hours_after_post = excluded.hours_after_post, due_at = excluded.due_at,
            checked_at = excluded.checked_at, attempts = excluded.attempts, error = excluded.error
        where t.status <> 'measured' or excluded.status = 'measured'
        """;

    /// <summary>
    /// One checkpoint's two rows in one transaction: the velocity row is what marks a phase done, so it must
    /// never be stored without its follower row (a crash between two commands lost that phase's followers for good).
    /// </summary>
    public async Task UpsertCheckpointAsync(VelocityCheckpoint velocity, FollowerCheckpoint followers, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(UpsertVelocity, velocity, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(UpsertFollowers, followers, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task UpsertVelocityAsync(VelocityCheckpoint row, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(UpsertVelocity, row, cancellationToken: cancellationToken));
    }

    public async Task UpsertFollowersAsync(FollowerCheckpoint row, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(UpsertFollowers, row, cancellationToken: cancellationToken));
    }

    /// <summary>Whether the phase's velocity row says measured: the one truth on whether a checkpoint is still to do.</summary>
    public async Task<bool> IsMeasuredAsync(string postId, CheckpointPhase phase, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            """
            select exists (select 1 from post_velocity_tracking
                           where post_id = @postId and collection_phase = @phase and status = 'measured')
            """,
            new { postId, phase = phase.ToColumn() },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<VelocityCheckpoint>> GetVelocityAsync(string postId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<VelocityCheckpoint>(new CommandDefinition(
            """
            select post_id as PostId, collection_phase as Phase, status as Status, likes as Likes, retweets as Retweets,
                   replies as Replies, bookmarks as Bookmarks, views as Views, quotes as Quotes,
                   url_link_clicks as UrlLinkClicks, hours_after_post as HoursAfterPost,
                   due_at as DueAt, checked_at as CheckedAt, attempts as Attempts, error as Error
            from post_velocity_tracking where post_id = @postId order by hours_after_post
            """,
            new { postId },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<IReadOnlyList<FollowerCheckpoint>> GetFollowersAsync(string postId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<FollowerCheckpoint>(new CommandDefinition(
            """
            select post_id as PostId, collection_phase as Phase, status as Status, followers as Followers,
                   followers_exact as FollowersExact, profile_views as ProfileViews, hours_after_post as HoursAfterPost, due_at as DueAt,
                   checked_at as CheckedAt, attempts as Attempts, error as Error
            from post_follower_tracking where post_id = @postId order by hours_after_post
            """,
            new { postId },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>For each of the account's posts made since <paramref name="postedSince"/>: the phases that have a row (measured or failed).</summary>
    public async Task<IReadOnlyDictionary<string, HashSet<CheckpointPhase>>> GetRecordedPhasesAsync(string account, DateTimeOffset postedSince, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string PostId, string Phase)>(new CommandDefinition(
            """
            select v.post_id, v.collection_phase
            from post_velocity_tracking v join posted_decisions p on p.tweet_id = v.post_id
            where p.account = @account and p.posted_at >= @postedSince
            """,
            new { account, postedSince },
            cancellationToken: cancellationToken));
        return rows.GroupBy(r => r.PostId)
            .ToDictionary(g => g.Key, g => g.Select(r => CheckpointPhases.Parse(r.Phase)).ToHashSet());
    }
}
