using Dapper;
using FollowerLoop.Followers;
using FollowerLoop.Worker.Dashboard.Growth;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FollowerLoop.Worker.Dashboard.Followers;

/// <summary>
/// The followers page's data. SQL counts per day and per reason; the arrivals and their credits come back row by
/// row, because whether one stayed is decided by <see cref="FollowerRetention"/> in C#, in one place.
/// </summary>
internal sealed class FollowersQuery(NpgsqlDataSource dataSource, CreditedPosts credited, IOptions<AccountOptions> account, TimeProvider time)
{
    /// <summary>The posts table lists this many, those whose arrivals stayed most first.</summary>
    public const int MaxPosts = 10;

    public const int MaxReasons = 8;

    // Followers who arrived while FollowerLoop watched (the first pass's are null), first listed in the range.
    private const string Arrivals =
        """
        arrivals as (
            select * from followers_seen
            where account = @account and arrived_after is not null and (@from::timestamptz is null or first_seen_at >= @from)
        )
        """;

    private const string Sql =
        $$"""
        select finished_at as FinishedAt, kind as Kind from follower_passes where account = @account order by finished_at desc limit 1;

        with {{Arrivals}}
        select first_seen_at as FirstSeenAt, last_seen_at as LastSeenAt, left_at as LeftAt, quality::int as Quality from arrivals;

        with {{Arrivals}}
        select e.day as Day, count(*) filter (where e.arrival)::int as Arrivals, count(*) filter (where not e.arrival)::int as Departures
        from (select date_trunc('day', first_seen_at, 'UTC') as day, true as arrival from arrivals
              union all
              select date_trunc('day', left_at, 'UTC'), false from followers
              where account = @account and left_at is not null and (@from::timestamptz is null or left_at >= @from)) e
        group by e.day order by e.day;

        with {{Arrivals}}
        select r.reason as Reason, count(*)::int as Arrivals
        from arrivals a cross join unnest(a.quality_reasons) as r(reason)
        group by r.reason order by 2 desc, 1 limit @maxReasons;

        """;

    public async Task<FollowersView> LoadAsync(GrowthRange range, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var handle = account.Value.Handle;
        var parameters = new { account = handle, from = range.From(now), maxReasons = MaxReasons };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, parameters, cancellationToken: cancellationToken));
        var lastPass = await results.ReadSingleOrDefaultAsync<LastPass>();
        var arrivals = (await results.ReadAsync<ArrivalRow>()).AsList();
        var days = (await results.ReadAsync<FollowerDay>()).AsList();
        var reasons = (await results.ReadAsync<ReasonCount>()).AsList();
        return new FollowersView
        {
            Account = handle,
            Now = now,
            Range = range,
            LastPass = lastPass,
            Days = days,
            Arrivals = arrivals.Count,
            Departures = days.Sum(d => d.Departures),
            Weeks = Weeks(arrivals),
            Bands = QualityBand.All.Select(b => new BandCount(b, arrivals.Count(a => QualityBand.Of(a.Quality) == b))).ToList(),
            Reasons = reasons,
            // Posts in the range, as the growth page's attribution chart counts them.
            Posts = Best(await credited.LoadAsync(handle, range.From(now), cancellationToken)),
        };
    }

    private static List<RetentionWeek> Weeks(IEnumerable<ArrivalRow> arrivals) => arrivals
        .GroupBy(a => Monday(a.FirstSeenAt))
        .OrderBy(g => g.Key)
        .Select(g => new RetentionWeek(g.Key, g.Count(), FollowerRetention.Days.ToDictionary(
            d => d,
            d => g.Aggregate(RetentionTally.None, (tally, a) => tally.Add(a.RetentionAt(d))))))
        .ToList();

    private static DateOnly Monday(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    private static List<CreditedPost> Best(IEnumerable<CreditedPost> posts) => posts
        // Posts whose arrivals' week is not known yet go last: they have not failed, they are too young.
        .OrderByDescending(p => p.Retained ?? double.NegativeInfinity)
        .ThenByDescending(p => p.Gained)
        .ThenBy(p => p.PostId, StringComparer.Ordinal)
        .Take(MaxPosts)
        .ToList();
}
