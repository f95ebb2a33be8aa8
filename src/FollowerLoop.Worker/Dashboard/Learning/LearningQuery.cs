using Dapper;
using FollowerLoop.Learning;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FollowerLoop.Worker.Dashboard.Learning;

/// <summary>The current learned patterns and every model version with its validation metrics.</summary>
internal sealed class LearningQuery(NpgsqlDataSource dataSource, IOptions<AccountOptions> account, IOptions<LearnOptions> learn, TimeProvider time)
{
    private const string Sql =
        """
        select lp.category as Category, lp.finding as Finding, lp.effect_size as EffectSize, lp.ci_low as CiLow, lp.ci_high as CiHigh,
               lp.sample_size as SampleSize, lp.created_at as CreatedAt, m.kind as ModelKind, m.version as ModelVersion
        from learned_patterns lp
        left join ml_models m on m.id = lp.model_id
        where lp.account = @account and lp.is_current
        order by lp.category, lp.effect_size desc;

        select id as Id, kind as Kind, version as Version, trainer as Trainer, training_rows as TrainingRows, metrics::text as Metrics,
               is_active as IsActive, trained_at as TrainedAt, activated_at as ActivatedAt
        from ml_models
        where account = @account
        order by kind, version desc;

        -- The rows the gain model trains on (TrainingExamples.ForGain): finished posts with a gain to learn from, the
        -- followers at posting and the features Plan recorded.
        select count(*)::int from comprehensive_metrics
        where account = @account and kind = 'post' and learned_followers is not null and followers_at_post > 0
          and features ? 'WeightedLength';
        """;

    public async Task<LearningView> LoadAsync(CancellationToken cancellationToken)
    {
        var handle = account.Value.Handle;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, new { account = handle }, cancellationToken: cancellationToken));
        var patterns = (await results.ReadAsync<PatternRow>()).AsList();
        var models = (await results.ReadAsync<ModelRow>()).AsList();
        var finished = await results.ReadSingleAsync<int>();
        return new LearningView
        {
            Account = handle,
            Now = time.GetUtcNow(),
            Patterns = patterns,
            Models = models,
            FinishedPosts = finished,
            MinRows = learn.Value.MinRows,
        };
    }
}
