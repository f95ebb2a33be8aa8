using Dapper;
using FollowerLoop.Costs;
using FollowerLoop.Learning;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FollowerLoop.Worker.Dashboard.Growth;

/// <summary>
/// The growth page's data: follower readings (snapshots and checkpoints), the posts as markers, and
/// attributed followers (each post's by the best method it has, see <see cref="AttributionMethod.BestFirst"/>). Short ranges are drawn reading by reading; long ones from the snapshots,
/// bucketed in SQL (one pass, hash aggregation), so the page stays small and quick.
/// </summary>
internal sealed class GrowthQuery(NpgsqlDataSource dataSource, XApiSpendQuery spend, IOptions<AccountOptions> account, TimeProvider time)
{
    /// <summary>More readings than this are drawn as the last reading of each of about this many time buckets.</summary>
    public const int MaxPoints = 600;

    /// <summary>More posts than this are marked per time bucket instead of one by one.</summary>
    public const int MaxMarkers = 300;

    /// <summary>The bar chart shows the most recent posts that have an attribution.</summary>
    public const int MaxAttributedPosts = 40;

    /// <summary>The period's best posts listed with what they were.</summary>
    public const int BestPosts = 5;

    // The chart's span: from the range start (or the first data) to the last snapshot or post + 48h.
    private const string Bounds =
        """
        bounds as (
            select b.lo, b.hi, greatest(date_part('epoch', b.hi - b.lo) / @buckets, 1) as stride
            from (select coalesce(@from::timestamptz, least(
                             (select min(taken_at) from account_snapshots where account = @account),
                             (select min(posted_at) from posted_decisions where account = @account))) as lo,
                         greatest(
                             (select max(taken_at) from account_snapshots where account = @account),
                             (select max(posted_at) from posted_decisions where account = @account) + interval '48 hours') as hi) b
        )
        """;

    private const string SnapshotReadings =
        """
        snapshot_readings as (
            select s.taken_at as at, s.followers, 'snapshot' as source
            from account_snapshots s
            where s.account = @account and s.followers is not null and (@from::timestamptz is null or s.taken_at >= @from)
        )
        """;

    private const string CheckpointReadings =
        """
        checkpoint_readings as (
            select f.checked_at as at, f.followers, 'checkpoint' as source
            from post_follower_tracking f
            join posted_decisions p on p.tweet_id = f.post_id
            where p.account = @account and f.status = 'measured' and f.followers is not null
              and (@from::timestamptz is null or f.checked_at >= @from)
        )
        """;

    private const string Posts =
        """
        posts as (
            select p.tweet_id, p.posted_at, c.text
            from posted_decisions p
            join content_metadata c on c.decision_id = p.decision_id
            where p.account = @account and (@from::timestamptz is null or p.posted_at >= @from)
        )
        """;

    private const string Sql =
        $$"""
        with {{SnapshotReadings}}, {{CheckpointReadings}}
        select (select count(*) from snapshot_readings)::int as Snapshots, (select count(*) from checkpoint_readings)::int as Checkpoints;

        -- The first and the last reading: the change over the range.
        with {{SnapshotReadings}}, {{CheckpointReadings}}
        (select at as At, followers as Followers, source as Source from snapshot_readings order by at limit 1)
        union all
        (select at, followers, source from checkpoint_readings order by at limit 1)
        order by 1 limit 1;

        with {{SnapshotReadings}}, {{CheckpointReadings}}
        (select at as At, followers as Followers, source as Source from snapshot_readings order by at desc limit 1)
        union all
        (select at, followers, source from checkpoint_readings order by at desc limit 1)
        order by 1 desc limit 1;

        -- One marker per post, or per time bucket when there are too many to mark one by one.
        with {{Bounds}}, {{Posts}}
        select min(p.posted_at) as At, (array_agg(p.tweet_id order by p.posted_at))[1] as PostId,
               (array_agg(p.text order by p.posted_at))[1] as Text, count(*)::int as Count
        from posts p cross join bounds b
        group by case when (select count(*) from posts) <= @maxMarkers then p.tweet_id
                      else floor(date_part('epoch', p.posted_at - b.lo) / b.stride)::text end
        order by 1;

        with recent as (
            select p.tweet_id, p.posted_at, p.text
            from (select p.tweet_id, p.posted_at, c.text
                  from posted_decisions p
                  join content_metadata c on c.decision_id = p.decision_id
                  where p.account = @account and (@from::timestamptz is null or p.posted_at >= @from)) p
            where exists (select 1 from post_attribution a where a.post_id = p.tweet_id)
            order by p.posted_at desc
            limit @maxAttributed
        )
        select r.tweet_id as PostId, r.posted_at as PostedAt, r.text as Text, a.method as Method, a.attributed_followers as Followers
        from recent r join post_attribution a on a.post_id = r.tweet_id
        order by r.posted_at, a.method;

        select a.method as Method, sum(a.attributed_followers) as Followers, count(a.attributed_followers)::int as Posts
        from post_attribution a
        join posted_decisions p on p.tweet_id = a.post_id
        where p.account = @account and (@from::timestamptz is null or p.posted_at >= @from)
        group by a.method order by a.method;

        -- Each post's gain by the best method it has, in one pass: each method's total rides on its first row, the
        -- best posts are the first rows overall.
        with {{Best}}, ranked as (
            select b.*, sum(b.followers) over (partition by b.method) as method_followers, count(*) over (partition by b.method)::int as method_posts,
                   row_number() over (partition by b.method order by b.post_id) = 1 as heads_method,
                   row_number() over (order by b.followers desc, b.posted_at desc) as place
            from best b
        )
        select r.post_id as PostId, r.posted_at as PostedAt, c.text as Text, c.format as Format, c.topic as Topic,
               extract(hour from r.posted_at at time zone @timeZone)::int as LocalHour,
               v.likes - vb.likes as Likes2h, r.method as Method, r.followers as Followers,
               r.method_followers as MethodFollowers, r.method_posts as MethodPosts, r.rank as MethodRank, r.heads_method as HeadsMethod,
               r.place <= @bestPosts as IsBest
        from ranked r
        join content_metadata c on c.decision_id = r.decision_id
        left join post_velocity_tracking v on v.post_id = r.post_id and v.collection_phase = '2h' and v.status = 'measured'
        left join post_velocity_tracking vb on vb.post_id = r.post_id and vb.collection_phase = 'baseline' and vb.status = 'measured'
        where r.place <= @bestPosts or r.heads_method
        order by r.place;
        """;

    private const string Best =
        """
        best as (
            select distinct on (a.post_id) a.post_id, p.decision_id, p.posted_at, a.method, a.attributed_followers as followers,
                   array_position(@methods::text[], a.method) as rank
            from post_attribution a
            join posted_decisions p on p.tweet_id = a.post_id
            where p.account = @account and (@from::timestamptz is null or p.posted_at >= @from)
              and a.attributed_followers is not null and a.method = any(@methods::text[])
            order by a.post_id, array_position(@methods::text[], a.method)
        )
        """;

    private const string AllReadingsSql =
        $$"""
        with {{SnapshotReadings}}, {{CheckpointReadings}}
        select at as At, followers as Followers, source as Source from snapshot_readings
        union all
        select at, followers, source from checkpoint_readings
        order by 1;
        """;

    // Arrays compare element by element, so max of [time, followers] picks a bucket's last reading.
    private const string Buckets =
        """
        select count(*)::int as N, max(r.at) as At, (max(array[date_part('epoch', r.at), r.followers]))[2]::bigint as Followers
        from readings r cross join bounds b
        group by floor(date_part('epoch', r.at - b.lo) / b.stride)
        order by 2;
        """;

    private const string SnapshotBucketsSql = $"with {Bounds}, {SnapshotReadings}, readings as (select * from snapshot_readings) {Buckets}";

    private const string CheckpointBucketsSql = $"with {Bounds}, {CheckpointReadings}, readings as (select * from checkpoint_readings) {Buckets}";

    private static async Task<List<FollowerChartPoint>> BucketsAsync(NpgsqlConnection connection, string sql, object parameters, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ReadingBucket>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)))
            .Select(b => new FollowerChartPoint(b.At, b.Followers, b.N == 1 ? "single reading" : $"last of {b.N} readings"))
            .ToList();

    public async Task<GrowthView> LoadAsync(GrowthRange range, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var handle = account.Value.Handle;
        var parameters = new
        {
            account = handle,
            from = range.From(now),
            buckets = MaxPoints,
            maxMarkers = MaxMarkers,
            maxAttributed = MaxAttributedPosts,
            bestPosts = BestPosts,
            methods = AttributionMethod.BestFirst.ToArray(),
            timeZone = account.Value.TimeZone,
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, parameters, cancellationToken: cancellationToken));
        var (snapshots, checkpoints) = await results.ReadSingleAsync<(int Snapshots, int Checkpoints)>();
        var first = await results.ReadSingleOrDefaultAsync<FollowerChartPoint>();
        var last = await results.ReadSingleOrDefaultAsync<FollowerChartPoint>();
        var markers = (await results.ReadAsync<PostMarker>()).AsList();
        var attributed = (await results.ReadAsync<AttributedPost>()).AsList();
        var totals = (await results.ReadAsync<MethodTotal>()).AsList();
        var ranked = (await results.ReadAsync<RankedGain>()).AsList();

        // A long range draws the hourly snapshots, bucketed: the checkpoints' readings would add thousands
        // of rows to scan and nothing to see at that scale. A short one draws every reading of both.
        var (readings, drawnFrom) = (snapshots + checkpoints) switch
        {
            <= MaxPoints => ((await connection.QueryAsync<FollowerChartPoint>(new CommandDefinition(AllReadingsSql, parameters, cancellationToken: cancellationToken))).AsList(), ReadingSource.All),
            _ when snapshots > 0 => (await BucketsAsync(connection, SnapshotBucketsSql, parameters, cancellationToken), ReadingSource.Snapshots),
            _ => (await BucketsAsync(connection, CheckpointBucketsSql, parameters, cancellationToken), ReadingSource.Checkpoints),
        };
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var spent = await spend.LoadAsync(handle, today.AddDays(1 - XApiSpendQuery.ObservedDays), today, cancellationToken);
        return new GrowthView
        {
            Account = handle,
            Now = now,
            Range = range,
            Readings = readings,
            ReadingCount = snapshots + checkpoints,
            DrawnFrom = drawnFrom,
            FirstReading = first,
            LastReading = last,
            Markers = markers,
            PostCount = markers.Sum(m => m.Count),
            Attributed = attributed,
            Totals = totals,
            BestTotals = [.. ranked.Where(r => r.HeadsMethod).OrderBy(r => r.MethodRank).Select(r => new MethodTotal(r.Method, r.MethodFollowers, r.MethodPosts))],
            BestPosts = [.. ranked.Where(r => r.IsBest).Select(r => r.Post)],
            Spend = spent,
        };
    }
}
