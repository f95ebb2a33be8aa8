using Dapper;
using Npgsql;

namespace FollowerLoop.Followers;

/// <summary>
/// Per post, the arrivals credited to it: followers gained (the sum of its shares), how they fared after a week (by
/// <see cref="FollowerRetention"/>), and their share-weighted quality. What the followers page, the report and Learn's
/// <c>Retained7d</c> target read.
/// </summary>
public sealed class CreditedPosts(NpgsqlDataSource dataSource)
{
    public const int WeekMark = 7;

    /// <summary>The account's posts made since <paramref name="postedSince"/> (all when null) that were credited any arrival.</summary>
    public async Task<IReadOnlyList<CreditedPost>> LoadAsync(string account, DateTimeOffset? postedSince, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var credits = await connection.QueryAsync<CreditRow>(new CommandDefinition(
            """
            select c.post_id as PostId, p.posted_at as PostedAt, m.text as Text, c.share as Share,
                   f.first_seen_at as FirstSeenAt, f.last_seen_at as LastSeenAt, f.left_at as LeftAt, f.quality::int as Quality
            from follower_credit c
            join followers_seen f on f.account = c.account and f.user_id = c.user_id
            join posted_decisions p on p.tweet_id = c.post_id
            join content_metadata m on m.decision_id = p.decision_id
            where c.account = @account and (@postedSince::timestamptz is null or p.posted_at >= @postedSince)
            """,
            new { account, postedSince },
            cancellationToken: cancellationToken));
        return [.. credits.GroupBy(c => c.PostId).Select(g =>
        {
            var gained = g.Sum(c => c.Share);
            var first = g.First();
            return new CreditedPost(
                g.Key,
                first.PostedAt,
                first.Text,
                gained,
                g.Aggregate(RetentionTally.None, (tally, c) => tally.Add(c.RetentionAt(WeekMark), c.Share)),
                g.Sum(c => c.Share * c.Quality) / gained);
        })];
    }
}
