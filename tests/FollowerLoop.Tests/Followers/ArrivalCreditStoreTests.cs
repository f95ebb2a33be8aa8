using Dapper;
using FollowerLoop.Followers;
using FollowerLoop.Tests.Infrastructure;

namespace FollowerLoop.Tests.Followers;

/// <summary>
/// Credits as <see cref="FollowerStore.ReplaceCreditsAsync"/> stores them (a window's shares once, a certain arrival's on
/// its own) and as <c>follower_credit</c> and <see cref="CreditedPosts"/> read them back, arrival by arrival.
/// </summary>
public sealed class ArrivalCreditStoreTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Since = Now.AddDays(-3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWindowsSharesAreStoredOnce_EachArrivalReadsItsOwnCreditElseItsWindows_AndAReplaceKeepsOlderCredits()
    {
        var (a, b) = ((await Samples.PostedAsync(db, Now.AddDays(-4))).TweetId, (await Samples.PostedAsync(db, Now.AddDays(-2))).TweetId);
        Arrival[] recent = [Arrival("liked", 30), Arrival("x", 30), Arrival("y", 30), Arrival("z", 27)];
        var (old, older) = (Arrival("old", 80), Arrival("older", 80));
        await SeedAsync([old, older, .. recent]);
        await using (var connection = await db.DataSource.OpenConnectionAsync(Ct))
        {
            // Credits of a window older than the lookback: one arrival's own (as written before windows were stored) and
            // the window's, which is the other arrival's. A replace leaves both as they were.
            await connection.ExecuteAsync(
                """
                insert into follower_post_credit (account, user_id, post_id, first_seen_at, share, computed_at) values (@account, 'old', @a, @firstSeenAt, 0.7, @at);
                insert into arrival_window_credit (account, arrived_after, first_seen_at, post_id, share, computed_at) values (@account, @arrivedAfter, @firstSeenAt, @a, 0.2, @at);
                """,
                new { account = Samples.Account, a, at = Now.AddDays(-3), arrivedAfter = old.ArrivedAfter, firstSeenAt = old.FirstSeenAt });
        }

        (string UserId, string PostId, double Share)[] kept = [("old", a, 0.7), ("older", a, 0.2)];
        var store = new FollowerStore(db.DataSource);
        var first = new ArrivalCredits(
            [new ArrivalShare("liked", a, 1)],
            [Window(recent[1], a, 0.4), Window(recent[1], b, 0.3), Window(InUtcPlus2(recent[3]), b, 0.9)]);
        await store.ReplaceCreditsAsync(Samples.Account, Since, first, Now, Ct);

        Assert.Equal((1L, 3L), (await CountAsync("follower_post_credit where user_id <> 'old'"), await CountAsync("arrival_window_credit where first_seen_at >= @since")));
        Assert.Equal(Expected(first.Of(recent)).Concat(kept).Order(), await ReadAsync());
        // A: liked whole, x and y 0.4 each, the older window's 0.7 and 0.2; B: x and y 0.3 each, z 0.9.
        var posts = (await new CreditedPosts(db.DataSource).LoadAsync(Samples.Account, null, Ct)).ToDictionary(p => p.PostId, p => Math.Round(p.Gained, 9));
        Assert.Equal(new Dictionary<string, double> { [a] = 2.7, [b] = 1.5 }, posts);

        // The next run: x turns out to have liked B, liked is no longer named, z's window brings nothing any more, y's
        // window (that of liked and x too) gives A 0.5, and B as before: that row is left as it was, not written again.
        var unchanged = await VersionAsync(recent[1], b);
        var second = new ArrivalCredits([new ArrivalShare("x", b, 1)], [Window(recent[0], a, 0.5), Window(recent[1], b, 0.3)]);
        await store.ReplaceCreditsAsync(Samples.Account, Since, second, Now.AddHours(1), Ct);

        Assert.Equal(Expected(second.Of(recent)).Concat(kept).Order(), await ReadAsync());
        Assert.Equal(("x", b, 1.0), Assert.Single(await ReadAsync(), c => c.UserId == "x"));
        Assert.Equal(unchanged, await VersionAsync(recent[1], b));
    }

    [Fact]
    public async Task AFollowerWhoLeftAndCameBack_IsCreditedAsTheirNewArrival_NotByTheCreditsOfTheOneBefore()
    {
        var (a, b) = ((await Samples.PostedAsync(db, Now.AddDays(-6))).TweetId, (await Samples.PostedAsync(db, Now.AddDays(-2))).TweetId);
        var (unliked, liked) = (Arrival("back-unliked", 120), Arrival("back-liked", 120));
        // An account of its own: the class's tests share a database.
        const string account = "returning";
        await SeedAsync([unliked, liked], account);
        var store = new FollowerStore(db.DataSource);
        await store.ReplaceCreditsAsync(account, Now.AddDays(-6), new ArrivalCredits([new ArrivalShare(unliked.UserId, a, 0.8), new ArrivalShare(liked.UserId, a, 0.6)], []), Now.AddDays(-5), Ct);

        // Both leave and are listed again 30 hours ago (the Followers job's pass re-dates a returning follower).
        var back = Arrival("back", 30);
        await using (var connection = await db.DataSource.OpenConnectionAsync(Ct))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "update followers set first_seen_at = @FirstSeenAt, arrived_after = @ArrivedAfter where account = @account",
                new { account, back.FirstSeenAt, back.ArrivedAfter },
                cancellationToken: Ct));
        }

        await store.ReplaceCreditsAsync(account, Since, new ArrivalCredits([new ArrivalShare(liked.UserId, b, 0.9)], [Window(back, b, 0.4)]), Now, Ct);

        Assert.Equal([(liked.UserId, b, 0.9), (unliked.UserId, b, 0.4)], await ReadAsync(account));
    }

    private async Task<string> VersionAsync(Arrival window, string postId)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        return await connection.QuerySingleAsync<string>(new CommandDefinition(
            "select xmin::text || ' ' || computed_at::text from arrival_window_credit where account = @account and first_seen_at = @at and post_id = @postId",
            new { account = Samples.Account, at = window.FirstSeenAt, postId },
            cancellationToken: Ct));
    }

    private static Arrival Arrival(string userId, int hoursAgo) => new(userId, Now.AddHours(-hoursAgo - 3), Now.AddHours(-hoursAgo));

    /// <summary>The same instants written at another offset: the store must still find the window's arrivals.</summary>
    private static Arrival InUtcPlus2(Arrival arrival) =>
        arrival with { ArrivedAfter = arrival.ArrivedAfter.ToOffset(TimeSpan.FromHours(2)), FirstSeenAt = arrival.FirstSeenAt.ToOffset(TimeSpan.FromHours(2)) };

    private static WindowShare Window(Arrival member, string postId, double share) => new(member.ArrivedAfter, member.FirstSeenAt, postId, share);

    private static IEnumerable<(string UserId, string PostId, double Share)> Expected(IEnumerable<ArrivalShare> shares) =>
        shares.Select(s => (s.UserId, s.PostId, s.Share));

    private async Task SeedAsync(IEnumerable<Arrival> arrivals, string account = Samples.Account)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into followers (account, user_id, handle, first_seen_at, arrived_after, last_seen_at, list_position, quality)
            values (@Account, @UserId, @UserId, @FirstSeenAt, @ArrivedAfter, @FirstSeenAt, 1, 50)
            """,
            arrivals.Select(a => new { Account = account, a.UserId, a.FirstSeenAt, a.ArrivedAfter }),
            cancellationToken: Ct));
    }

    private async Task<List<(string UserId, string PostId, double Share)>> ReadAsync(string account = Samples.Account)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        return [.. (await connection.QueryAsync<(string, string, double)>(new CommandDefinition(
            "select user_id, post_id, share from follower_credit where account = @account", new { account }, cancellationToken: Ct))).Order()];
    }

    /// <summary>Rows of the account's (the class's tests share a database).</summary>
    private async Task<long> CountAsync(string from)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"select count(*) from {from} and account = @account", new { since = Since, account = Samples.Account }, cancellationToken: Ct));
    }
}
