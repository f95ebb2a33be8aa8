using Dapper;
using Npgsql;

namespace FollowerLoop.Storage;

/// <summary><c>refused_candidates</c>: the candidates Plan and the Viral thread job could not queue, kept <see cref="Kept"/> for the problems page.</summary>
public sealed class RefusedCandidateStore(NpgsqlDataSource dataSource)
{
    public static readonly TimeSpan Kept = TimeSpan.FromDays(30);

    /// <summary>Records a run's refusals in one statement and drops the account's rows older than <see cref="Kept"/>.</summary>
    public async Task RecordAsync(string account, IReadOnlyList<RefusedCandidate> refused, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into refused_candidates (account, refused_at, text, format, topic, reason, kind)
            select @account, @at, r.text, r.format, r.topic, r.reason, r.kind
            from unnest(@texts, @formats, @topics, @reasons, @kinds) as r(text, format, topic, reason, kind);
            delete from refused_candidates where account = @account and refused_at < @before;
            """,
            new
            {
                account,
                at,
                texts = refused.Select(r => r.Text).ToArray(),
                formats = refused.Select(r => r.Format).ToArray(),
                topics = refused.Select(r => r.Topic).ToArray(),
                reasons = refused.Select(r => r.Reason).ToArray(),
                kinds = refused.Select(r => r.Kind).ToArray(),
                before = at - Kept,
            },
            cancellationToken: cancellationToken));
    }
}
