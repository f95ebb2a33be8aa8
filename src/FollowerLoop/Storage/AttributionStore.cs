using Dapper;
using Npgsql;

namespace FollowerLoop.Storage;

/// <summary><c>post_attribution</c>: one row per post and attribution method.</summary>
public sealed class AttributionStore(NpgsqlDataSource dataSource)
{
    public async Task UpsertAsync(IReadOnlyCollection<PostAttribution> rows, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into post_attribution (post_id, method, attributed_followers, window_start, window_end, computed_at)
            values (@PostId, @Method, @AttributedFollowers, @WindowStart, @WindowEnd, @ComputedAt)
            on conflict (post_id, method) do update set
                attributed_followers = excluded.attributed_followers, window_start = excluded.window_start,
                window_end = excluded.window_end, computed_at = excluded.computed_at
            """,
            rows,
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PostAttribution>> GetForPostAsync(string postId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PostAttribution>(new CommandDefinition(
            """
            select post_id as PostId, method as Method, attributed_followers as AttributedFollowers,
                   window_start as WindowStart, window_end as WindowEnd, computed_at as ComputedAt
            from post_attribution where post_id = @postId order by method
            """,
            new { postId },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
