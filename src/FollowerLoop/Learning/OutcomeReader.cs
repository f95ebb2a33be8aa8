using Dapper;
using FollowerLoop.Storage;
using Npgsql;

namespace FollowerLoop.Learning;

/// <summary>
/// Builds the training rows of the account's finished posts in one query: each post's content, its
/// checkpoints (2h, 24h, 48h metrics; followers before and after) and its attributed followers: X's own count where
/// X reports it, else the engagement-share estimate (and, to learn from, what that estimate says the post was due); the
/// hour and weekday in the account's time zone.
/// Unknown stays NULL: a failed or missing checkpoint leaves its columns empty, never 0.
/// </summary>
public sealed class OutcomeReader(NpgsqlDataSource dataSource)
{
    /// <summary>Rows of the posts made in [<paramref name="since"/>, <paramref name="finishedBefore"/>], oldest first.</summary>
    /// <param name="timeZone">An IANA id (<see cref="AccountOptions.TimeZone"/>).</param>
    public async Task<IReadOnlyList<TrainingRow>> ReadAsync(string account, string timeZone, DateTimeOffset since, DateTimeOffset finishedBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TrainingRow>(new CommandDefinition(
            """
            with posts as (
                -- One day more than asked, so the first post's previous post is known.
                select p.*, extract(epoch from p.posted_at - lag(p.posted_at) over (order by p.posted_at)) / 3600.0 as hours_since_previous
                from posted_decisions p
                where p.account = @account and p.posted_at >= @since - interval '1 day'
            )
            select p.tweet_id as PostId, p.decision_id as DecisionId, p.account as Account, c.kind as Kind, c.format as Format,
                   c.topic as Topic, c.hook as Hook, c.features::text as Features, p.posted_at as PostedAt,
                   extract(hour from p.posted_at at time zone @timeZone)::smallint as HourOfDay,
                   extract(dow from p.posted_at at time zone @timeZone)::smallint as DayOfWeek,
                   p.hours_since_previous as HoursSincePrevious, fb.followers as FollowersAtPost,
                   v2.likes as Likes2h, v2.retweets as Retweets2h, v2.replies as Replies2h, v2.views as Views2h,
                   f2.profile_views as ProfileViews2h,
                   v24.likes as Likes24h, v24.retweets as Retweets24h, v24.replies as Replies24h,
                   v24.bookmarks as Bookmarks24h, v24.views as Views24h, v48.likes as Likes48h, v48.views as Views48h,
                   v24.likes + v24.retweets + v24.replies + v24.bookmarks as Engagement24h,
                   f48.followers - fb.followers as FollowersGainedNaive,
                   coalesce(x.attributed_followers, a.attributed_followers) as AttributedFollowers,
                   coalesce(x.attributed_followers, a.due_followers, a.attributed_followers) as LearnedFollowers, @now as ComputedAt
            from posts p
            join content_metadata c using (decision_id)
            left join post_follower_tracking fb on fb.post_id = p.tweet_id and fb.collection_phase = 'baseline' and fb.status = 'measured'
            left join post_follower_tracking f48 on f48.post_id = p.tweet_id and f48.collection_phase = '48h' and f48.status = 'measured'
            left join post_follower_tracking f2 on f2.post_id = p.tweet_id and f2.collection_phase = '2h'
            left join post_velocity_tracking v2 on v2.post_id = p.tweet_id and v2.collection_phase = '2h' and v2.status = 'measured'
            left join post_velocity_tracking v24 on v24.post_id = p.tweet_id and v24.collection_phase = '24h' and v24.status = 'measured'
            left join post_velocity_tracking v48 on v48.post_id = p.tweet_id and v48.collection_phase = '48h' and v48.status = 'measured'
            left join post_attribution a on a.post_id = p.tweet_id and a.method = 'engagement_share'
            left join post_attribution x on x.post_id = p.tweet_id and x.method = 'x_reported'
            where p.posted_at >= @since and p.posted_at <= @finishedBefore
            order by p.posted_at
            """,
            new { account, timeZone, since, finishedBefore, now },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
