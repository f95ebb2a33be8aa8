using Dapper;
using FollowerLoop.X;
using Npgsql;

namespace FollowerLoop.Storage;

/// <summary><c>post_liker_reads</c> and <c>post_likers</c>: who liked each of the account's posts, read once.</summary>
public sealed class LikerStore(NpgsqlDataSource dataSource)
{
    /// <summary>Which of <paramref name="postIds"/> have had their likers read, each with whether X listed all of them.</summary>
    public async Task<Dictionary<string, bool>> GetReadAsync(IReadOnlyCollection<string> postIds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var reads = await connection.QueryAsync<(string PostId, bool Complete)>(new CommandDefinition(
            "select post_id, complete from post_liker_reads where post_id = any(@postIds)",
            new { postIds = postIds.ToArray() },
            cancellationToken: cancellationToken));
        return reads.ToDictionary(r => r.PostId, r => r.Complete, StringComparer.Ordinal);
    }

    /// <summary>The read and its likers, all or none; a post read before keeps its first read.</summary>
    public async Task SaveAsync(LikingUsers likers, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into post_liker_reads (post_id, read_at, liker_count, complete) values (@postId, @readAt, @count, @complete)
            on conflict (post_id) do nothing
            """,
            new { postId = likers.PostId, readAt, count = likers.UserIds.Count, complete = likers.Complete },
            transaction,
            cancellationToken: cancellationToken));
        if (inserted == 1)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into post_likers (post_id, user_id) select @postId, unnest(@userIds) on conflict do nothing",
                new { postId = likers.PostId, userIds = likers.UserIds.ToArray() },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The evidence the Attribution and Followers jobs weigh (<see cref="Learning.LikeEvidence"/>): every arrival first listed since
    /// <paramref name="since"/>, counted per window between the two passes that date it, and those of them who had liked
    /// posts made since <paramref name="postsSince"/>, each with all the posts they liked that were out before they were
    /// first listed and whose first <paramref name="window"/> their arrival's span meets.
    /// </summary>
    public async Task<(IReadOnlyList<ArrivalWindow> Windows, IReadOnlyList<LikedArrival> Liked)> GetArrivalEvidenceAsync(
        string account, DateTimeOffset since, DateTimeOffset postsSince, TimeSpan window, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var windows = await connection.QueryAsync<ArrivalWindow>(new CommandDefinition(
            """
            select arrived_after as ArrivedAfter, first_seen_at as FirstSeenAt, count(*)::int as Arrivals
            from followers where account = @account and arrived_after is not null and first_seen_at >= @since
            group by arrived_after, first_seen_at
            order by first_seen_at, arrived_after
            """,
            new { account, since },
            cancellationToken: cancellationToken));
        var liked = await connection.QueryAsync<(string UserId, DateTimeOffset ArrivedAfter, DateTimeOffset FirstSeenAt, string PostId)>(new CommandDefinition(
            """
            select user_id, arrived_after, first_seen_at, post_id
            from liked_arrivals
            where account = @account and posted_at >= @postsSince and first_seen_at >= @since
              and first_seen_at > posted_at and arrived_after < posted_at + @window
            order by user_id, post_id
            """,
            new { account, since, postsSince, window },
            cancellationToken: cancellationToken));
        return (windows.AsList(), [.. liked.GroupBy(l => (l.UserId, l.ArrivedAfter, l.FirstSeenAt))
            .Select(l => new LikedArrival(l.Key.UserId, l.Key.ArrivedAfter, l.Key.FirstSeenAt, [.. l.Select(p => p.PostId)]))]);
    }
}
