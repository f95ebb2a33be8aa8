using Dapper;
using Npgsql;

namespace FollowerLoop.Storage;

/// <summary><c>post_attribution</c>: one row per post and attribution method.</summary>
public sealed class AttributionStore(NpgsqlDataSource dataSource)
{
    public async Task UpsertAsync(IReadOnlyCollection<PostAttribution> rows, CancellationToken cancellationToken)
    {
        // One statement for all rows: an hourly run rewrites two rows for each of the last week's posts.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into post_attribution (post_id, method, attributed_followers, due_followers, window_start, window_end, computed_at)
            select r.post_id, r.method, r.followers, r.due, r.window_start, r.window_end, r.computed_at
            from unnest(@postIds, @methods, @followers, @due, @windowStarts, @windowEnds, @computedAts)
                 as r(post_id, method, followers, due, window_start, window_end, computed_at)
            on conflict (post_id, method) do update set
                attributed_followers = excluded.attributed_followers, due_followers = excluded.due_followers,
                window_start = excluded.window_start, window_end = excluded.window_end, computed_at = excluded.computed_at
            """,
            new
            {
                postIds = rows.Select(r => r.PostId).ToArray(),
                methods = rows.Select(r => r.Method).ToArray(),
                followers = rows.Select(r => r.AttributedFollowers).ToArray(),
                due = rows.Select(r => r.DueFollowers).ToArray(),
                windowStarts = rows.Select(r => r.WindowStart).ToArray(),
                windowEnds = rows.Select(r => r.WindowEnd).ToArray(),
                computedAts = rows.Select(r => r.ComputedAt).ToArray(),
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The naive rows (followers at the 48h checkpoint minus at the baseline) of every post of the account that has both
    /// readings: it needs no follower series, so a post whose 48h checkpoint ran late, after the estimates' lookback, gets
    /// one too. A row is rewritten only when its value changed.
    /// </summary>
    /// <returns>The rows written.</returns>
    public async Task<int> UpsertNaiveAsync(string account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into post_attribution as a (post_id, method, attributed_followers, window_start, window_end, computed_at)
            select p.tweet_id, 'naive', f48.followers - fb.followers, p.posted_at, p.posted_at + interval '48 hours', @now
            from posted_decisions p
            join post_follower_tracking fb on fb.post_id = p.tweet_id and fb.collection_phase = 'baseline' and fb.status = 'measured' and fb.followers is not null
            join post_follower_tracking f48 on f48.post_id = p.tweet_id and f48.collection_phase = '48h' and f48.status = 'measured' and f48.followers is not null
            where p.account = @account
            on conflict (post_id, method) do update set
                attributed_followers = excluded.attributed_followers, window_start = excluded.window_start,
                window_end = excluded.window_end, computed_at = excluded.computed_at
            where a.attributed_followers is distinct from excluded.attributed_followers
            """,
            new { account, now },
            cancellationToken: cancellationToken));
    }

    /// <summary>The posts that have a row of <paramref name="method"/> whose window starts at or after <paramref name="since"/>.</summary>
    public async Task<HashSet<string>> GetPostIdsAsync(string method, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "select post_id from post_attribution where method = @method and window_start >= @since",
            new { method, since },
            cancellationToken: cancellationToken));
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The estimates' errors against X's reported follows, over the account's posts made in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<EstimateErrors> GetErrorsAgainstReportedAsync(string account, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<EstimateErrors>(new CommandDefinition(
            """
            select count(*)::int as Posts,
                   avg(abs(e.attributed_followers - x.attributed_followers)) as EngagementShare,
                   avg(abs(s.attributed_followers - x.attributed_followers)) as OverlapShared,
                   avg(abs(n.attributed_followers - x.attributed_followers)) as Naive
            from post_attribution x
            join posted_decisions p on p.tweet_id = x.post_id
            left join post_attribution e on e.post_id = x.post_id and e.method = 'engagement_share'
            left join post_attribution s on s.post_id = x.post_id and s.method = 'overlap_shared'
            left join post_attribution n on n.post_id = x.post_id and n.method = 'naive'
            where x.method = 'x_reported' and x.attributed_followers is not null
              and p.account = @account and p.posted_at >= @from and p.posted_at < @to
            """,
            new { account, from, to },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<PostAttribution>> GetForPostAsync(string postId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PostAttribution>(new CommandDefinition(
            """
            select post_id as PostId, method as Method, attributed_followers as AttributedFollowers,
                   window_start as WindowStart, window_end as WindowEnd, computed_at as ComputedAt, due_followers as DueFollowers
            from post_attribution where post_id = @postId order by method
            """,
            new { postId },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
