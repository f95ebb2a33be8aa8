using Dapper;
using Npgsql;

namespace FollowerLoop.Storage;

/// <summary><c>comprehensive_metrics</c>: the training rows of finished posts.</summary>
public sealed class TrainingStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Writes the rows all or none, in one statement (a run rewrites tens of rows as attribution refines them; one
    /// round trip per row cost the likers-path bench run 5 s).
    /// </summary>
    public async Task UpsertAsync(IReadOnlyCollection<TrainingRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into comprehensive_metrics (post_id, decision_id, account, kind, format, topic, hook, features,
                posted_at, hour_of_day, day_of_week, hours_since_previous, followers_at_post, likes_2h, retweets_2h,
                replies_2h, views_2h, profile_views_2h, likes_24h, retweets_24h, replies_24h, bookmarks_24h, views_24h, likes_48h,
                views_48h, engagement_24h, followers_gained_naive, attributed_followers, learned_followers, computed_at)
            -- the arrays in the columns' order (features cast to jsonb, so a row that is not JSON fails the whole statement)
            select * from unnest(@postIds, @decisionIds, @accounts, @kinds, @formats, @topics, @hooks, @features::jsonb[],
                                 @postedAts, @hours, @days, @hoursSincePrevious, @followersAtPost, @likes2h, @retweets2h,
                                 @replies2h, @views2h, @profileViews2h, @likes24h, @retweets24h, @replies24h, @bookmarks24h, @views24h, @likes48h,
                                 @views48h, @engagement24h, @naive, @attributed, @learned, @computedAts)
            on conflict (post_id) do update set
                features = excluded.features, hours_since_previous = excluded.hours_since_previous,
                followers_at_post = excluded.followers_at_post, likes_2h = excluded.likes_2h,
                retweets_2h = excluded.retweets_2h, replies_2h = excluded.replies_2h, views_2h = excluded.views_2h,
                profile_views_2h = excluded.profile_views_2h,
                likes_24h = excluded.likes_24h, retweets_24h = excluded.retweets_24h, replies_24h = excluded.replies_24h,
                bookmarks_24h = excluded.bookmarks_24h, views_24h = excluded.views_24h, likes_48h = excluded.likes_48h,
                views_48h = excluded.views_48h, engagement_24h = excluded.engagement_24h,
                followers_gained_naive = excluded.followers_gained_naive,
                attributed_followers = excluded.attributed_followers, learned_followers = excluded.learned_followers,
                computed_at = excluded.computed_at
            """,
            new
            {
                postIds = rows.Select(r => r.PostId).ToArray(),
                decisionIds = rows.Select(r => r.DecisionId).ToArray(),
                accounts = rows.Select(r => r.Account).ToArray(),
                kinds = rows.Select(r => r.Kind).ToArray(),
                formats = rows.Select(r => r.Format).ToArray(),
                topics = rows.Select(r => r.Topic).ToArray(),
                hooks = rows.Select(r => r.Hook).ToArray(),
                features = rows.Select(r => r.Features).ToArray(),
                postedAts = rows.Select(r => r.PostedAt).ToArray(),
                hours = rows.Select(r => r.HourOfDay).ToArray(),
                days = rows.Select(r => r.DayOfWeek).ToArray(),
                hoursSincePrevious = rows.Select(r => r.HoursSincePrevious).ToArray(),
                followersAtPost = rows.Select(r => r.FollowersAtPost).ToArray(),
                likes2h = rows.Select(r => r.Likes2h).ToArray(),
                retweets2h = rows.Select(r => r.Retweets2h).ToArray(),
                replies2h = rows.Select(r => r.Replies2h).ToArray(),
                views2h = rows.Select(r => r.Views2h).ToArray(),
                profileViews2h = rows.Select(r => r.ProfileViews2h).ToArray(),
                likes24h = rows.Select(r => r.Likes24h).ToArray(),
                retweets24h = rows.Select(r => r.Retweets24h).ToArray(),
                replies24h = rows.Select(r => r.Replies24h).ToArray(),
                bookmarks24h = rows.Select(r => r.Bookmarks24h).ToArray(),
                views24h = rows.Select(r => r.Views24h).ToArray(),
                likes48h = rows.Select(r => r.Likes48h).ToArray(),
                views48h = rows.Select(r => r.Views48h).ToArray(),
                engagement24h = rows.Select(r => r.Engagement24h).ToArray(),
                naive = rows.Select(r => r.FollowersGainedNaive).ToArray(),
                attributed = rows.Select(r => r.AttributedFollowers).ToArray(),
                learned = rows.Select(r => r.LearnedFollowers).ToArray(),
                computedAts = rows.Select(r => r.ComputedAt).ToArray(),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<TrainingRow>> GetAllAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TrainingRow>(new CommandDefinition(
            """
            select post_id as PostId, decision_id as DecisionId, account as Account, kind as Kind, format as Format,
                   topic as Topic, hook as Hook, features::text as Features, posted_at as PostedAt,
                   hour_of_day as HourOfDay, day_of_week as DayOfWeek, hours_since_previous as HoursSincePrevious,
                   followers_at_post as FollowersAtPost, likes_2h as Likes2h, retweets_2h as Retweets2h,
                   replies_2h as Replies2h, views_2h as Views2h, profile_views_2h as ProfileViews2h, likes_24h as Likes24h, retweets_24h as Retweets24h,
                   replies_24h as Replies24h, bookmarks_24h as Bookmarks24h, views_24h as Views24h,
                   likes_48h as Likes48h, views_48h as Views48h, engagement_24h as Engagement24h,
                   followers_gained_naive as FollowersGainedNaive, attributed_followers as AttributedFollowers,
                   learned_followers as LearnedFollowers, computed_at as ComputedAt
            from comprehensive_metrics where account = @account order by posted_at
            """,
            new { account },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
