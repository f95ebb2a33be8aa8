using Dapper;
using Npgsql;

namespace FollowerLoop.Storage;

/// <summary><c>comprehensive_metrics</c>: the training rows of finished posts.</summary>
public sealed class TrainingStore(NpgsqlDataSource dataSource)
{
    /// <summary>Writes the rows all or none, in one transaction (a run rewrites tens of rows as attribution refines them).</summary>
    public async Task UpsertAsync(IReadOnlyCollection<TrainingRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into comprehensive_metrics (post_id, decision_id, account, kind, format, topic, hook, features,
                posted_at, hour_of_day, day_of_week, hours_since_previous, followers_at_post, likes_2h, retweets_2h,
                replies_2h, views_2h, profile_views_2h, likes_24h, retweets_24h, replies_24h, bookmarks_24h, views_24h, likes_48h,
                views_48h, engagement_24h, followers_gained_naive, attributed_followers, computed_at)
            values (@PostId, @DecisionId, @Account, @Kind, @Format, @Topic, @Hook, @Features::jsonb,
                @PostedAt, @HourOfDay, @DayOfWeek, @HoursSincePrevious, @FollowersAtPost, @Likes2h, @Retweets2h,
                @Replies2h, @Views2h, @ProfileViews2h, @Likes24h, @Retweets24h, @Replies24h, @Bookmarks24h, @Views24h, @Likes48h,
                @Views48h, @Engagement24h, @FollowersGainedNaive, @AttributedFollowers, @ComputedAt)
            on conflict (post_id) do update set
                features = excluded.features, hours_since_previous = excluded.hours_since_previous,
                followers_at_post = excluded.followers_at_post, likes_2h = excluded.likes_2h,
                retweets_2h = excluded.retweets_2h, replies_2h = excluded.replies_2h, views_2h = excluded.views_2h,
                profile_views_2h = excluded.profile_views_2h,
                likes_24h = excluded.likes_24h, retweets_24h = excluded.retweets_24h, replies_24h = excluded.replies_24h,
                bookmarks_24h = excluded.bookmarks_24h, views_24h = excluded.views_24h, likes_48h = excluded.likes_48h,
                views_48h = excluded.views_48h, engagement_24h = excluded.engagement_24h,
                followers_gained_naive = excluded.followers_gained_naive,
                attributed_followers = excluded.attributed_followers, computed_at = excluded.computed_at
            """,
            rows,
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
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
                   computed_at as ComputedAt
            from comprehensive_metrics where account = @account order by posted_at
            """,
            new { account },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
