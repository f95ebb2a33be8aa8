using Dapper;
using Npgsql;

namespace FollowerLoop.X.Usage;

/// <summary><c>x_api_usage</c>: requests, resources and cost per account, UTC day, job, endpoint and price category.</summary>
public sealed class XApiUsageStore(NpgsqlDataSource dataSource)
{
    /// <summary>Adds one request to its row (one upsert: cheap next to the HTTP call it follows).</summary>
    public async Task RecordAsync(XApiUsageRecord usage, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into x_api_usage (account, day, job, endpoint, category, requests, resources, cost_usd)
            values (@Account, @Day, @Job, @Endpoint, @Category, 1, @Resources, @CostUsd)
            on conflict (account, day, job, endpoint, category) do update set
                requests = x_api_usage.requests + 1,
                resources = x_api_usage.resources + excluded.resources,
                cost_usd = x_api_usage.cost_usd + excluded.cost_usd
            """,
            new
            {
                usage.Account,
                Day = usage.Day.ToDateTime(TimeOnly.MinValue),
                usage.Job,
                usage.Endpoint,
                Category = usage.Category.ToColumn(),
                usage.Resources,
                usage.CostUsd,
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>Per day and job in [<paramref name="from"/>, <paramref name="to"/>], oldest day first.</summary>
    public async Task<IReadOnlyList<XApiSpendRow>> GetDailyAsync(string account, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(DateOnly Day, string Job, long Requests, long Resources, decimal CostUsd)>(new CommandDefinition(
            """
            select day, job, sum(requests)::bigint, sum(resources)::bigint, sum(cost_usd)
            from x_api_usage
            where account = @account and day between @from and @to
            group by day, job
            order by day, job
            """,
            new { account, from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue) },
            cancellationToken: cancellationToken));
        return rows.Select(r => new XApiSpendRow(r.Day, r.Job, r.Requests, r.Resources, r.CostUsd)).ToList();
    }
}
