using Dapper;
using FollowerLoop.Planning;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FollowerLoop.Worker.Dashboard.Strategy;

/// <summary>The latest strategies with the model each came from, and how many patterns are current (what one without a model is built on).</summary>
internal sealed class StrategyQuery(NpgsqlDataSource dataSource, IOptions<AccountOptions> account, IOptions<PlanOptions> plan, TimeProvider time)
{
    /// <summary>The Strategy job runs every six hours: 20 rows are the last five days.</summary>
    public const int History = 20;

    private const string Sql =
        """
        select s.id as Id, s.content_mix::text as ContentMix, s.best_hours::text as BestHours, s.notes as Notes, s.created_at as CreatedAt,
               m.kind as ModelKind, m.version as ModelVersion, m.training_rows as ModelTrainingRows, m.trained_at as ModelTrainedAt
        from strategy s
        left join ml_models m on m.id = s.model_id
        where s.account = @account
        order by s.created_at desc, s.id desc
        limit @history;

        select count(*)::int from learned_patterns where account = @account and is_current;
        """;

    public async Task<StrategyView> LoadAsync(CancellationToken cancellationToken)
    {
        var handle = account.Value.Handle;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, new { account = handle, history = History }, cancellationToken: cancellationToken));
        var strategies = (await results.ReadAsync<StrategyRow>()).AsList();
        var patterns = await results.ReadSingleAsync<int>();
        return new StrategyView
        {
            Account = handle,
            Now = time.GetUtcNow(),
            TimeZone = account.Value.TimeZone,
            Strategies = strategies,
            DefaultHours = PlanSlots.Evenly(plan.Value.PostsPerDay),
            PostsPerDay = plan.Value.PostsPerDay,
            HourGap = plan.Value.HourGap,
            Patterns = patterns,
        };
    }
}
