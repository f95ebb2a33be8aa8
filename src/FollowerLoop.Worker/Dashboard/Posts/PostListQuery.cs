using Dapper;
using FollowerLoop.Cache;
using FollowerLoop.Storage;
using FollowerLoop.Worker.Dashboard.Shared;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FollowerLoop.Worker.Dashboard.Posts;

/// <summary>
/// One page of posts, filtered and sorted in SQL. The phase summary of every filtered post is only
/// computed when a status filter or the "done" sort needs it; the page's own phases come in a second query. A post whose
/// 48-hour counts are not in yet shows its latest (the Analytics job's, through the fast layer, else Postgres).
/// </summary>
internal sealed class PostListQuery(NpgsqlDataSource dataSource, TrackingCache tracking, IOptions<AccountOptions> account, TimeProvider time)
{
    private const string Base =
        """
        base as (
            select p.tweet_id, p.posted_at, c.kind, c.text, c.format, c.topic
            from posted_decisions p
            join content_metadata c on c.decision_id = p.decision_id
            where p.account = @account
              and (@kind::text is null or c.kind = @kind)
              and (@format::text is null or c.format = @format)
              and (@topic::text is null or c.topic = @topic)
              and (@search::text is null or c.text ilike @search)
        )
        """;

    // Per post: phases measured in both tables, phases with a failed (or lone) row, and those recorded so
    // far (rows are written once a phase is due); with the number of phases due by now, that splits the
    // phases without a row into overdue and pending.
    private const string Recorded =
        """
        , recorded as (
            select coalesce(v.post_id, f.post_id) as post_id,
                   count(*) filter (where v.status = 'measured' and f.status = 'measured') as done,
                   count(*) filter (where v.status is distinct from 'measured' or f.status is distinct from 'measured') as failed,
                   count(*) filter (where coalesce(v.due_at, f.due_at) <= @now) as recorded_due,
                   count(*) as recorded
            from post_velocity_tracking v
            full join post_follower_tracking f on f.post_id = v.post_id and f.collection_phase = v.collection_phase
            group by 1
        )
        """;

    private const string SummaryJoin =
        """
        left join recorded r on r.post_id = b.tweet_id
        cross join lateral (select count(*) as due from unnest(@offsets::interval[]) o where b.posted_at + o <= @now) d
        """;

    // Posted items are exactly the content rows in status 'posted', so the choices need no join.
    private const string Choices =
        """
        select distinct kind from content_metadata where account = @account and status = 'posted' order by 1;
        select distinct format from content_metadata where account = @account and status = 'posted' and format is not null order by 1;
        select distinct topic from content_metadata where account = @account and status = 'posted' and topic is not null order by 1;
        """;

    private const string PageDetails =
        """
        select coalesce(v.post_id, f.post_id) as PostId, coalesce(v.collection_phase, f.collection_phase) as Phase,
               v.status as MetricsStatus, f.status as FollowersStatus, v.likes as Likes, v.views as Views, f.followers as Followers
        from (select * from post_velocity_tracking where post_id = any(@ids)) v
        full join (select * from post_follower_tracking where post_id = any(@ids)) f
               on f.post_id = v.post_id and f.collection_phase = v.collection_phase;

        select post_id as PostId, method as Method, attributed_followers as Followers
        from post_attribution where post_id = any(@ids);
        """;

    public async Task<PostListView> LoadAsync(PostListRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var handle = account.Value.Handle;
        var parameters = new
        {
            account = handle,
            kind = Blank(request.Kind),
            format = Blank(request.Format),
            topic = Blank(request.Topic),
            search = Blank(request.Q) is { } q ? $"%{EscapeLike(q)}%" : null,
            offsets = CheckpointPhases.All.Select(p => p.Offset()).ToArray(),
            phaseCount = CheckpointPhases.All.Count,
            now,
            size = PostListRequest.PageSize,
            offset = (request.PageNumber - 1) * PostListRequest.PageSize,
        };

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(PageSql(request), parameters, cancellationToken: cancellationToken));
        var page = (await results.ReadAsync<PostPageRow>()).AsList();
        var kinds = (await results.ReadAsync<string>()).AsList();
        var formats = (await results.ReadAsync<string>()).AsList();
        var topics = (await results.ReadAsync<string>()).AsList();
        var rows = page.Select(r => r.Post).ToList();
        // The count rides on the page's rows; a page past the end has none, so then it is counted alone.
        var total = page.Count > 0 || request.PageNumber == 1
            ? page.FirstOrDefault()?.Total ?? 0
            : await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountSql(request), parameters, cancellationToken: cancellationToken));

        var ids = rows.Select(r => r.PostId).ToArray();
        await using var details = await connection.QueryMultipleAsync(new CommandDefinition(PageDetails, new { ids }, cancellationToken: cancellationToken));
        var values = (await details.ReadAsync<PhaseValue>()).ToLookup(v => v.PostId);
        var attribution = (await details.ReadAsync<PostAttributionValue>()).ToLookup(a => a.PostId);
        var inFlight = ids.Where(id => !values[id].Any(v => v.Phase == CheckpointPhase.Hours48.ToColumn() && v.MetricsStatus == CheckpointStatus.Measured)).ToList();
        var latest = await tracking.GetLatestMetricsAsync(inFlight, cancellationToken);

        return new PostListView
        {
            Account = handle,
            Now = now,
            Request = request,
            Total = total,
            Items = rows.Select(r => Item(r, values[r.PostId], attribution[r.PostId], latest.GetValueOrDefault(r.PostId), now)).ToList(),
            Kinds = kinds,
            Formats = formats,
            Topics = topics,
        };
    }

    private static PostListItem Item(PostRow post, IEnumerable<PhaseValue> values, IEnumerable<PostAttributionValue> attribution, MetricsSnapshot? latest, DateTimeOffset now)
    {
        var byPhase = values.ToDictionary(v => CheckpointPhases.Parse(v.Phase));
        var states = CheckpointPhases.All.ToDictionary(p => p, p =>
        {
            var value = byPhase.GetValueOrDefault(p);
            return PhaseStates.Of(value?.MetricsStatus, value?.FollowersStatus, post.PostedAt + p.Offset(), now);
        });
        return new PostListItem(post, states, byPhase, attribution.ToDictionary(a => a.Method, a => a.Followers), latest);
    }

    /// <summary>The page (with the filtered count) and the filter choices; only fixed fragments (see <see cref="PostSort"/>) are spliced in.</summary>
    private static string PageSql(PostListRequest request)
    {
        var (with, join, where) = Filter(request);
        var sort = PostSort.Sql(request.SortKey);
        var direction = request.Ascending ? "asc" : "desc";
        return $"""
            {with}
            select b.tweet_id as PostId, b.posted_at as PostedAt, b.kind as Kind, b.text as Text, b.format as Format, b.topic as Topic,
                   count(*) over ()::int as Total
            from base b {join} {sort.Joins}
            where {where}
            order by {sort.Expression} {direction} nulls last, b.posted_at desc, b.tweet_id
            limit @size offset @offset;

            {Choices}
            """;
    }

    private static string CountSql(PostListRequest request)
    {
        var (with, join, where) = Filter(request);
        return $"{with} select count(*)::int from base b {join} where {where}";
    }

    /// <summary>The filtered posts: the CTEs, the joins the status filter needs and its condition.</summary>
    private static (string With, string Join, string Where) Filter(PostListRequest request)
    {
        var needsSummary = !string.IsNullOrEmpty(request.Status) || request.SortKey == PostSort.Done;
        var where = request.Status switch
        {
            "complete" => "coalesce(r.done, 0) = @phaseCount",
            "pending" => "@phaseCount - d.due - (coalesce(r.recorded, 0) - coalesce(r.recorded_due, 0)) > 0",
            "overdue" => "d.due - coalesce(r.recorded_due, 0) > 0",
            "failed" => "coalesce(r.failed, 0) > 0",
            _ => "true",
        };
        return needsSummary ? ($"with {Base} {Recorded}", SummaryJoin, where) : ($"with {Base}", "", where);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
