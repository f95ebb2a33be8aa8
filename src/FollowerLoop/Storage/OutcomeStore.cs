using Dapper;
using Npgsql;

namespace FollowerLoop.Storage;

/// <summary><c>unified_outcomes</c>: one row per post with its latest metrics.</summary>
public sealed class OutcomeStore(NpgsqlDataSource dataSource)
{
    /// <summary>Upserts the post's latest metrics; an older reading never replaces a newer one.</summary>
    public async Task UpsertAsync(UnifiedOutcome outcome, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into unified_outcomes as u (decision_id, post_id, likes, retweets, replies, bookmarks, views,
                engagement_rate, collection_phase, collected_at)
            values (@DecisionId, @PostId, @Likes, @Retweets, @Replies, @Bookmarks, @Views, @EngagementRate,
                @CollectionPhase, @CollectedAt)
            on conflict (decision_id) do update set
                likes = excluded.likes, retweets = excluded.retweets, replies = excluded.replies,
                bookmarks = excluded.bookmarks, views = excluded.views, engagement_rate = excluded.engagement_rate,
                collection_phase = excluded.collection_phase, collected_at = excluded.collected_at
            where u.collected_at <= excluded.collected_at
            """,
            outcome,
            cancellationToken: cancellationToken));
    }

    public async Task<UnifiedOutcome?> GetByPostIdAsync(string postId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UnifiedOutcome>(new CommandDefinition(
            """
            select decision_id as DecisionId, post_id as PostId, likes as Likes, retweets as Retweets, replies as Replies,
                   bookmarks as Bookmarks, views as Views, engagement_rate as EngagementRate,
                   collection_phase as CollectionPhase, collected_at as CollectedAt
            from unified_outcomes where post_id = @postId
            """,
            new { postId },
            cancellationToken: cancellationToken));
    }
}
