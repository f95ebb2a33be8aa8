using Dapper;
using Npgsql;

namespace FollowerLoop.Storage;

/// <summary><c>strategy</c>: the latest row per account is the one in force.</summary>
public sealed class StrategyStore(NpgsqlDataSource dataSource)
{
    public async Task SaveAsync(PostingStrategy strategy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into strategy (account, content_mix, best_hours, model_id, notes, created_at)
            values (@Account, @ContentMix::jsonb, @BestHours::jsonb, @ModelId, @Notes, @CreatedAt)
            """,
            strategy,
            cancellationToken: cancellationToken));
    }

    public async Task<PostingStrategy?> GetLatestAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<PostingStrategy>(new CommandDefinition(
            """
            select id as Id, account as Account, content_mix::text as ContentMix, best_hours::text as BestHours,
                   model_id as ModelId, notes as Notes, created_at as CreatedAt
            from strategy where account = @account order by created_at desc, id desc limit 1
            """,
            new { account },
            cancellationToken: cancellationToken));
    }
}
