using Dapper;
using FollowerLoop.Planning;
using FollowerLoop.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FollowerLoop.Worker.Dashboard.Queue;

/// <summary>What waits to be posted, with the hours of the strategy Plan planned it by.</summary>
internal sealed class QueueQuery(NpgsqlDataSource dataSource, StrategyStore strategies, IOptions<AccountOptions> account, IOptions<PlanOptions> plan)
{
    /// <summary>More than Plan ever keeps ahead (a horizon of two days at most): the page shows all of it.</summary>
    public const int MaxItems = 500;

    private const string Sql =
        """
        select decision_id as DecisionId, kind as Kind, text as Text, format as Format, topic as Topic, predicted_gain as PredictedGain,
               policy as Policy, status as Status, scheduled_for as ScheduledFor, thread_position as ThreadPosition,
               reply_to_handle as ReplyToHandle, last_error as LastError,
               extract(hour from scheduled_for at time zone @timeZone)::int as LocalHour
        from content_metadata
        where account = @account and status in ('queued', 'posting')
        order by scheduled_for, thread_position nulls first
        limit @limit
        """;

    public async Task<(IReadOnlyList<QueuedItem> Items, IReadOnlyList<int> Hours, DateTimeOffset? StrategyAt)> LoadAsync(CancellationToken cancellationToken)
    {
        var handle = account.Value.Handle;
        var strategy = await strategies.GetLatestAsync(handle, cancellationToken);
        var hours = PlanSlots.InForce(strategy, plan.Value.PostsPerDay);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var items = await connection.QueryAsync<QueuedItem>(new CommandDefinition(
            Sql, new { account = handle, timeZone = account.Value.TimeZone, limit = MaxItems }, cancellationToken: cancellationToken));
        return ([.. items.Select(i => i with { AtStrategyHour = hours.Contains(i.LocalHour) })], hours, strategy?.CreatedAt);
    }
}
