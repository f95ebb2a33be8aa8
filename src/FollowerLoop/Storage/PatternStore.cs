using Dapper;
using Npgsql;

namespace FollowerLoop.Storage;

/// <summary><c>learned_patterns</c>: each Learn run replaces the current set; older sets stay as history for <see cref="HistoryKept"/>.</summary>
public sealed class PatternStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// How long a replaced set is kept. Learn publishes every hour, so without a limit the history grows by a set an hour
    /// for as long as the account runs; nothing reads it but a person looking back at how the findings moved.
    /// </summary>
    public static readonly TimeSpan HistoryKept = TimeSpan.FromDays(30);

    /// <summary>Makes <paramref name="patterns"/> the current set and deletes the replaced sets older than <see cref="HistoryKept"/> before the newest pattern's creation.</summary>
    public async Task ReplaceCurrentAsync(string account, IReadOnlyCollection<LearnedPattern> patterns, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update learned_patterns set is_current = false where account = @account and is_current",
            new { account },
            transaction,
            cancellationToken: cancellationToken));
        if (patterns.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "delete from learned_patterns where account = @account and not is_current and created_at < @keepSince",
                new { account, keepSince = patterns.Max(p => p.CreatedAt) - HistoryKept },
                transaction,
                cancellationToken: cancellationToken));
        }

        // One statement for all rows (Learn publishes every hour), inserted in the list's order.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into learned_patterns (account, category, finding, effect_size, ci_low, ci_high, sample_size, model_id, is_current, created_at)
            select p.account, p.category, p.finding, p.effect_size, p.ci_low, p.ci_high, p.sample_size, p.model_id, true, p.created_at
            from unnest(@accounts, @categories, @findings, @effects, @ciLows, @ciHighs, @sampleSizes, @modelIds, @createdAts) with ordinality
                 as p(account, category, finding, effect_size, ci_low, ci_high, sample_size, model_id, created_at, position)
            order by p.position
            """,
            new
            {
                accounts = patterns.Select(p => p.Account).ToArray(),
                categories = patterns.Select(p => p.Category).ToArray(),
                findings = patterns.Select(p => p.Finding).ToArray(),
                effects = patterns.Select(p => p.EffectSize).ToArray(),
                ciLows = patterns.Select(p => p.CiLow).ToArray(),
                ciHighs = patterns.Select(p => p.CiHigh).ToArray(),
                sampleSizes = patterns.Select(p => p.SampleSize).ToArray(),
                modelIds = patterns.Select(p => p.ModelId).ToArray(),
                createdAts = patterns.Select(p => p.CreatedAt).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<LearnedPattern>> GetCurrentAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<LearnedPattern>(new CommandDefinition(
            """
            select id as Id, account as Account, category as Category, finding as Finding, effect_size as EffectSize,
                   ci_low as CiLow, ci_high as CiHigh, sample_size as SampleSize, model_id as ModelId, created_at as CreatedAt
            from learned_patterns where account = @account and is_current order by abs(effect_size) desc
            """,
            new { account },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
