using Dapper;
using FollowerLoop.Replies;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FollowerLoop.Worker.Dashboard.Problems;

/// <summary>
/// Guard refusals (of replies, of Plan's candidates and of the daily thread's parts), failed posts and attempts, failed
/// checkpoints and failed job runs, from the tables that record them, in one list.
/// </summary>
internal sealed class ProblemsQuery(NpgsqlDataSource dataSource, IOptions<AccountOptions> account, TimeProvider time)
{
    public const int Shown = 200;

    private const string Problems =
        $"""
        problems as (
            select case c.status when 'rejected' then '{ProblemKind.Refused}' when 'failed' then '{ProblemKind.PostFailed}' else '{ProblemKind.PostRetry}' end as kind,
                   c.updated_at as at, c.text, c.kind as detail, c.last_error as reason, null::text as post_id
            from content_metadata c
            where c.account = @account
              and (c.status = 'failed'
                   or (c.status = 'rejected' and c.last_error is distinct from @rejectedByAPerson)
                   or (c.status = 'queued' and c.last_error is not null))
            union all
            select '{ProblemKind.CheckpointFailed}', greatest(v.checked_at, f.checked_at), c.text, k.collection_phase,
                   nullif(concat_ws('; ', case when v.status = 'failed' then 'metrics: ' || coalesce(v.error, 'not read') end,
                                          case when f.status = 'failed' then 'followers: ' || coalesce(f.error, 'not read') end), ''),
                   p.tweet_id
            -- The failed phases first (partial indexes), then their rows in both tables by primary key.
            from (select post_id, collection_phase from post_velocity_tracking where status = 'failed'
                  union
                  select post_id, collection_phase from post_follower_tracking where status = 'failed') k
            left join post_velocity_tracking v on v.post_id = k.post_id and v.collection_phase = k.collection_phase
            left join post_follower_tracking f on f.post_id = k.post_id and f.collection_phase = k.collection_phase
            join posted_decisions p on p.tweet_id = k.post_id
            join content_metadata c on c.decision_id = p.decision_id
            where p.account = @account
            union all
            select '{ProblemKind.CandidateRefused}', r.refused_at, r.text, case r.kind when 'post' then 'plan_candidate' else r.kind end, r.reason, null
            from refused_candidates r
            where r.account = @account
            union all
            -- A run keeps the exception whole; its first line says what failed (the jobs page shows the rest).
            select '{ProblemKind.JobFailed}', j.finished_at, null, j.job, split_part(j.error, E'\n', 1), null
            from job_runs j
            where j.result = 'failed'
        )
        """;

    private const string Sql =
        $"""
        with {Problems}
        select kind as Kind, at as At, text as Text, detail as Detail, reason as Reason, post_id as PostId
        from problems order by at desc, kind limit @shown;

        with {Problems}
        select kind, count(*)::int from problems group by kind;
        """;

    public async Task<ProblemsView> LoadAsync(CancellationToken cancellationToken)
    {
        var handle = account.Value.Handle;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            Sql, new { account = handle, rejectedByAPerson = ReplyDrafts.RejectedByAPerson, shown = Shown }, cancellationToken: cancellationToken));
        var problems = (await results.ReadAsync<ProblemRow>()).AsList();
        var counts = (await results.ReadAsync<(string Kind, int Count)>()).ToDictionary(c => c.Kind, c => c.Count);
        return new ProblemsView { Account = handle, Now = time.GetUtcNow(), Problems = problems, Counts = counts };
    }
}
