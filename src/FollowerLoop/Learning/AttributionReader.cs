using Dapper;
using FollowerLoop.Storage;
using Npgsql;

namespace FollowerLoop.Learning;

/// <summary>
/// What attribution needs about every post made since a moment, in three queries (the per-post store calls
/// would be several hundred per run): each post with its format, its measured view counts and profile visits
/// (where X gave them), and the exact follower readings its checkpoints took.
/// </summary>
public sealed class AttributionReader(NpgsqlDataSource dataSource)
{
    /// <returns>
    /// The posts with their views, the same posts with their profile visits (only the checkpoints that had them), and
    /// every measured follower reading of their checkpoints (exact or rounded).
    /// </returns>
    public async Task<(IReadOnlyList<PostViews> Posts, IReadOnlyList<PostViews> ProfileVisits, IReadOnlyList<(string PostId, string Phase, FollowerReading Reading, bool Exact)> Followers)> ReadAsync(
        string account, DateTimeOffset postedSince, CancellationToken cancellationToken)
    {
        var parameters = new { account, postedSince };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var posts = await connection.QueryAsync<(string PostId, DateTimeOffset PostedAt, string? Format)>(new CommandDefinition(
            """
            select p.tweet_id, p.posted_at, c.format
            from posted_decisions p left join content_metadata c using (decision_id)
            where p.account = @account and p.posted_at >= @postedSince
            order by p.posted_at, p.tweet_id
            """,
            parameters,
            cancellationToken: cancellationToken));
        var views = (await connection.QueryAsync<(string PostId, double Hours, long Views, long? ProfileVisits)>(new CommandDefinition(
            $"""
            select v.post_id, v.hours_after_post, v.views, f.profile_views
            from post_velocity_tracking v join posted_decisions p on p.tweet_id = v.post_id
            left join post_follower_tracking f on f.post_id = v.post_id and f.collection_phase = v.collection_phase
            where p.account = @account and p.posted_at >= @postedSince and v.status = '{CheckpointStatus.Measured}' and v.views is not null
            order by v.post_id, v.hours_after_post
            """,
            parameters,
            cancellationToken: cancellationToken))).ToLookup(v => v.PostId);
        var followers = await connection.QueryAsync<(string PostId, string Phase, DateTimeOffset CheckedAt, long Followers, bool? Exact)>(new CommandDefinition(
            $"""
            select f.post_id, f.collection_phase, f.checked_at, f.followers, f.followers_exact
            from post_follower_tracking f join posted_decisions p on p.tweet_id = f.post_id
            where p.account = @account and p.posted_at >= @postedSince and f.status = '{CheckpointStatus.Measured}' and f.followers is not null
            order by f.checked_at, f.post_id, f.collection_phase
            """,
            parameters,
            cancellationToken: cancellationToken));
        return (
            [.. posts.Select(p => new PostViews(p.PostId, p.PostedAt, p.Format, [.. views[p.PostId].Select(v => (v.Hours, v.Views))]))],
            [
                .. posts.Select(p => new PostViews(
                    p.PostId, p.PostedAt, p.Format, [.. views[p.PostId].Where(v => v.ProfileVisits is not null).Select(v => (v.Hours, v.ProfileVisits!.Value))])),
            ],
            [.. followers.Select(f => (f.PostId, f.Phase, new FollowerReading(f.CheckedAt, f.Followers), f.Exact == true))]);
    }
}
