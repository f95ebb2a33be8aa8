using Dapper;
using Npgsql;

namespace FollowerLoop.Followers;

/// <summary><c>followers</c> and <c>follower_passes</c>: what the passes over X's followers list found.</summary>
public sealed class FollowerStore(NpgsqlDataSource dataSource)
{
    /// <summary>How many the account's last pass left following (null before the first pass).</summary>
    private const string LastFollowing = "(select following from follower_passes where account = @account order by started_at desc, id desc limit 1)";

    /// <summary>How many are known to follow now (as the last pass left them), and when the last pass and the last full pass ran.</summary>
    public async Task<FollowerState> GetStateAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var state = await connection.QuerySingleAsync<(long Following, DateTimeOffset? Last, DateTimeOffset? LastFull)>(new CommandDefinition(
            $"""
            select coalesce({LastFollowing}, 0),
                   max(started_at), max(started_at) filter (where kind = @full)
            from follower_passes where account = @account
            """,
            new { account, full = FollowerPassRecord.Full },
            cancellationToken: cancellationToken));
        return new FollowerState(state.Following, state.Last, state.LastFull);
    }

    /// <summary>
    /// Followers known to follow now (user id → list position): all of them, or only those among <paramref name="among"/>
    /// and listed above <paramref name="above"/> (a partial pass asks about the few it walked past, not the whole list).
    /// </summary>
    public async Task<Dictionary<string, long>> GetFollowingAsync(string account, IReadOnlyCollection<string>? among, long? above, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string UserId, long Position)>(new CommandDefinition(
            """
            select user_id, list_position from followers
            where account = @account and left_at is null
              and (@among::text[] is null or user_id = any(@among)) and (@above::bigint is null or list_position > @above)
            """,
            new { account, among = among?.ToArray(), above },
            cancellationToken: cancellationToken));
        return rows.ToDictionary(row => row.UserId, row => row.Position, StringComparer.Ordinal);
    }

    /// <summary>
    /// Stores a pass in one transaction (a pass that fails midway stores nothing, and the next one reads again):
    /// arrivals (a follower who had left and is listed again arrives anew), the known ones seen, the departures, the pass.
    /// A full pass rewrites no row of a follower it finds as it was: <c>followers_seen</c> dates their last sighting by
    /// the pass itself, and a departure is dated from the last full pass before it when no later pass listed them.
    /// </summary>
    public async Task SaveAsync(string account, FollowerPassRecord record, FollowerPass pass, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(pass);
        var listed = pass.Listed;
        var quality = listed.Select(l => FollowerQuality.Of(l.Follower, record.StartedAt)).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into followers (account, user_id, handle, display_name, first_seen_at, arrived_after, last_seen_at, list_position,
                account_created_at, default_profile_image, has_bio, followers_count, following_count, posts_count, protected, verified,
                quality, quality_reasons)
            select @account, f.user_id, f.handle, f.display_name, @seenAt, @arrivedAfter, @seenAt, f.list_position,
                f.created_at, f.default_image, f.has_bio, f.followers, f.following, f.posts, f.protected, f.verified,
                f.quality, string_to_array(f.reasons, '|')
            from unnest(@userIds, @handles, @names, @positions, @createdAts, @defaultImages, @hasBios, @followerCounts, @followingCounts,
                        @postCounts, @protecteds, @verifieds, @qualities, @reasons)
                 as f(user_id, handle, display_name, list_position, created_at, default_image, has_bio, followers, following,
                      posts, protected, verified, quality, reasons)
            on conflict (account, user_id) do update set
                handle = excluded.handle, display_name = excluded.display_name, list_position = excluded.list_position,
                -- a full pass is the last sighting of all it lists (followers_seen reads it from follower_passes)
                last_seen_at = case when followers.left_at is null and @full then followers.last_seen_at else excluded.last_seen_at end,
                -- a follower who had left and is listed again is a new arrival, judged on today's facts
                first_seen_at = case when followers.left_at is null then followers.first_seen_at else excluded.first_seen_at end,
                arrived_after = case when followers.left_at is null then followers.arrived_after else excluded.arrived_after end,
                account_created_at = coalesce(excluded.account_created_at, followers.account_created_at),
                default_profile_image = coalesce(excluded.default_profile_image, followers.default_profile_image),
                has_bio = coalesce(excluded.has_bio, followers.has_bio),
                followers_count = coalesce(excluded.followers_count, followers.followers_count),
                following_count = coalesce(excluded.following_count, followers.following_count),
                posts_count = coalesce(excluded.posts_count, followers.posts_count),
                protected = coalesce(excluded.protected, followers.protected),
                verified = coalesce(excluded.verified, followers.verified),
                quality = case when followers.left_at is null then followers.quality else excluded.quality end,
                quality_reasons = case when followers.left_at is null then followers.quality_reasons else excluded.quality_reasons end,
                left_at = null
            -- a full pass leaves the rows of those still following as they were unless X says something new of them
            where not @full or followers.left_at is not null
               or (followers.handle, followers.display_name, followers.list_position)
                  is distinct from (excluded.handle, excluded.display_name, excluded.list_position)
               or (followers.account_created_at, followers.default_profile_image, followers.has_bio, followers.followers_count,
                   followers.following_count, followers.posts_count, followers.protected, followers.verified)
                  is distinct from (coalesce(excluded.account_created_at, followers.account_created_at),
                                    coalesce(excluded.default_profile_image, followers.default_profile_image),
                                    coalesce(excluded.has_bio, followers.has_bio),
                                    coalesce(excluded.followers_count, followers.followers_count),
                                    coalesce(excluded.following_count, followers.following_count),
                                    coalesce(excluded.posts_count, followers.posts_count),
                                    coalesce(excluded.protected, followers.protected),
                                    coalesce(excluded.verified, followers.verified))
            """,
            new
            {
                account,
                full = record.Kind == FollowerPassRecord.Full,
                seenAt = record.StartedAt,
                arrivedAfter = record.PreviousPassAt,
                userIds = listed.Select(l => l.Follower.UserId).ToArray(),
                handles = listed.Select(l => l.Follower.Handle).ToArray(),
                names = listed.Select(l => l.Follower.DisplayName).ToArray(),
                positions = listed.Select(l => l.Position).ToArray(),
                createdAts = listed.Select(l => l.Follower.AccountCreatedAt).ToArray(),
                defaultImages = listed.Select(l => l.Follower.DefaultProfileImage).ToArray(),
                hasBios = listed.Select(l => l.Follower.HasBio).ToArray(),
                followerCounts = listed.Select(l => l.Follower.FollowersCount).ToArray(),
                followingCounts = listed.Select(l => l.Follower.FollowingCount).ToArray(),
                postCounts = listed.Select(l => l.Follower.PostsCount).ToArray(),
                protecteds = listed.Select(l => l.Follower.Protected).ToArray(),
                verifieds = listed.Select(l => l.Follower.Verified).ToArray(),
                qualities = quality.Select(q => (short)q.Score).ToArray(),
                reasons = quality.Select(q => string.Join('|', q.Reasons)).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            -- the last sighting as followers_seen gives it while they followed, kept now that they have left
            update followers f
            set left_at = @at, last_seen_at = s.last_seen_at
            from followers_seen s
            where f.account = @account and f.user_id = any(@ids) and f.left_at is null
              and s.account = f.account and s.user_id = f.user_id
            """,
            new { account, at = record.StartedAt, ids = pass.Departures.ToArray() },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            insert into follower_passes (account, kind, started_at, finished_at, requests, followers_read, arrivals, departures, estimated_cost_usd, following)
            values (@account, @Kind, @StartedAt, @FinishedAt, @Requests, @read, @arrivals, @departures, @EstimatedCostUsd,
                    -- a full pass lists everyone following; a partial pass changes the count the pass before left
                    case when @full then @read
                         else coalesce({LastFollowing}, 0)
                              + @arrivals - @departures end)
            """,
            new
            {
                account,
                record.Kind,
                record.StartedAt,
                record.FinishedAt,
                record.Requests,
                full = record.Kind == FollowerPassRecord.Full,
                read = listed.Count,
                arrivals = pass.Arrivals.Count,
                departures = pass.Departures.Count,
                record.EstimatedCostUsd,
            },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Replaces the credits of the arrivals first listed at or after <paramref name="since"/> (later readings refine them):
    /// their own and their windows'. Only what changed is written (a credit's <c>computed_at</c> is when it took its
    /// share): rewriting the last 3 days' credits whole on every run checked every row's posts and follower again.
    /// </summary>
    public async Task ReplaceCreditsAsync(string account, DateTimeOffset since, ArrivalCredits credits, DateTimeOffset computedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credits);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            delete from follower_post_credit c
            where c.account = @account and c.first_seen_at >= @since
              and (c.user_id, c.post_id) not in (select * from unnest(@users, @posts));
            -- each arrival's date looked up on its own: joined, the planner (its statistics lagging a growing table) hashed
            -- every follower of the account to date a few hundred credits
            insert into follower_post_credit as c (account, user_id, post_id, first_seen_at, share, computed_at)
            select @account, n.user_id, n.post_id,
                   (select f.first_seen_at from followers f where f.account = @account and f.user_id = n.user_id), n.share, @computedAt
            from unnest(@users, @posts, @shares) as n(user_id, post_id, share)
            on conflict (account, user_id, post_id) do update
                set first_seen_at = excluded.first_seen_at, share = excluded.share, computed_at = excluded.computed_at
            where c.share <> excluded.share or c.first_seen_at <> excluded.first_seen_at;
            delete from arrival_window_credit w
            where w.account = @account and w.first_seen_at >= @since
              and (w.arrived_after, w.first_seen_at, w.post_id) not in (select * from unnest(@windowStarts, @windowEnds, @windowPosts));
            insert into arrival_window_credit as w (account, arrived_after, first_seen_at, post_id, share, computed_at)
            select @account, n.arrived_after, n.first_seen_at, n.post_id, n.share, @computedAt
            from unnest(@windowStarts, @windowEnds, @windowPosts, @windowShares) as n(arrived_after, first_seen_at, post_id, share)
            on conflict (account, first_seen_at, arrived_after, post_id) do update set share = excluded.share, computed_at = excluded.computed_at
            where w.share <> excluded.share;
            """,
            new
            {
                account,
                since,
                computedAt,
                users = credits.Own.Select(c => c.UserId).ToArray(),
                posts = credits.Own.Select(c => c.PostId).ToArray(),
                shares = credits.Own.Select(c => c.Share).ToArray(),
                windowStarts = credits.Windows.Select(w => w.ArrivedAfter).ToArray(),
                windowEnds = credits.Windows.Select(w => w.FirstSeenAt).ToArray(),
                windowPosts = credits.Windows.Select(w => w.PostId).ToArray(),
                windowShares = credits.Windows.Select(w => w.Share).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The followers who arrived in [from, to] (each with what the passes know of their fate), how many of them have
    /// since replied to, mentioned or quoted the account (as the Reply job read them: the summoning posts it answered
    /// or drafted an answer to), how many left in it, and the last pass, for the report.
    /// </summary>
    public async Task<FollowerWindow> GetWindowAsync(string account, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var parameters = new { account, from, to };
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            """
            select first_seen_at, last_seen_at, left_at from followers_seen
            where account = @account and arrived_after is not null and first_seen_at between @from and @to;
            select count(*)::int from followers f
            where f.account = @account and f.arrived_after is not null and f.first_seen_at between @from and @to
              and exists (select 1 from content_metadata c
                          where c.account = f.account and c.kind = 'reply' and lower(c.reply_to_handle) = lower(f.handle));
            select count(*)::int from followers where account = @account and left_at between @from and @to;
            select count(*)::int from followers where account = @account and left_at is null;
            select started_at, kind from follower_passes where account = @account and started_at <= @to order by started_at desc limit 1;
            """,
            parameters,
            cancellationToken: cancellationToken));
        var arrivals = (await results.ReadAsync<(DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, DateTimeOffset? LeftAt)>()).AsList();
        var engaged = await results.ReadSingleAsync<int>();
        var departures = await results.ReadSingleAsync<int>();
        var following = await results.ReadSingleAsync<int>();
        var last = (await results.ReadAsync<(DateTimeOffset At, string Kind)>()).AsList();
        return new FollowerWindow(arrivals, engaged, departures, following, last.Count == 0 ? null : last[0]);
    }
}
