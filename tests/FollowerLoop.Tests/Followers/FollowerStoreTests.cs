using Dapper;
using FollowerLoop.Followers;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.X;

namespace FollowerLoop.Tests.Followers;

/// <summary>
/// Passes as <see cref="FollowerStore"/> keeps them: a full pass writes no row of a follower it finds as it was, yet
/// <c>followers_seen</c> reads that follower as seen by it, and one found gone later was last seen by the full pass before.
/// </summary>
public sealed class FollowerStoreTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FollowersFoundAsTheyWere_AreSeenByTheLastFullPass_AndOneFoundGoneWasLastSeenByTheFullPassBefore()
    {
        var account = $"store_{Guid.NewGuid():N}";
        var store = new FollowerStore(db.DataSource);
        await PassAsync(store, account, FollowerPassRecord.Full, Start, ["c", "b", "a"], wholeList: true);
        await PassAsync(store, account, FollowerPassRecord.Partial, Start.AddHours(1), ["new", "c"], wholeList: false);
        var versions = await RowsAsync(account, "select user_id, xmin::text from followers where account = @account");

        await PassAsync(store, account, FollowerPassRecord.Full, Start.AddDays(7), ["new", "c", "b", "a"], wholeList: true);
        Assert.Equal(versions, await RowsAsync(account, "select user_id, xmin::text from followers where account = @account"));
        Assert.Equal(
            Seen(("a", Start.AddDays(7)), ("b", Start.AddDays(7)), ("c", Start.AddDays(7)), ("new", Start.AddDays(7))),
            await RowsAsync(account, "select user_id, last_seen_at::text from followers_seen where account = @account"));

        await PassAsync(store, account, FollowerPassRecord.Full, Start.AddDays(14), ["new", "c", "a"], wholeList: true);
        var b = await RowsAsync(account, "select user_id, last_seen_at::text || ' ' || left_at::text from followers_seen where account = @account and left_at is not null");
        Assert.Equal(new Dictionary<string, string> { ["b"] = $"{Text(Start.AddDays(7))} {Text(Start.AddDays(14))}" }, b);
    }

    /// <summary>
    /// Each pass stores how many follow after it (the next one sizes its first page by it) without counting them: a full
    /// pass lists them all, a partial one changes the last count by its arrivals and departures, a returning follower too.
    /// </summary>
    [Fact]
    public async Task TheFollowingCountAfterEachPass_IsTheFollowersWhoHaveNotLeft()
    {
        var account = $"store_{Guid.NewGuid():N}";
        var store = new FollowerStore(db.DataSource);
        (string Kind, string[] Read, bool WholeList)[] passes =
        [
            (FollowerPassRecord.Full, ["c", "b", "a"], true),
            (FollowerPassRecord.Partial, ["n1", "b"], false), // n1 arrives; c, listed above b, has left
            (FollowerPassRecord.Partial, ["n3", "n2", "n1"], false),
            (FollowerPassRecord.Full, ["n3", "n2", "n1", "b"], true), // a has left
            (FollowerPassRecord.Partial, ["c", "n3"], false), // c is back
        ];
        long[] expected = [3, 3, 5, 4, 5];
        var counts = new List<long>();
        foreach (var (pass, i) in passes.Select((p, i) => (p, i)))
        {
            await PassAsync(store, account, pass.Kind, Start.AddHours(i), pass.Read, pass.WholeList);
            var following = (await store.GetStateAsync(account, Ct)).Following;
            await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
            Assert.Equal(await connection.ExecuteScalarAsync<long>("select count(*) from followers where account = @account and left_at is null", new { account }), following);
            counts.Add(following);
        }

        Assert.Equal(expected, counts);
    }

    /// <summary>
    /// A follower who liked a post, followed, left and followed again is matched to the post by the new dates: too late
    /// for its window now (<c>liked_arrivals</c> takes the dates a pass writes, not only the first ones).
    /// </summary>
    [Fact]
    public async Task AFollowerWhoLikedAPostAndFollowsAgainAfterLeaving_IsMatchedByTheNewDates()
    {
        var likers = new LikerStore(db.DataSource);
        var store = new FollowerStore(db.DataSource);
        var post = await Samples.PostedAsync(db, Start);
        await likers.SaveAsync(new LikingUsers(post.TweetId, ["back"], Complete: true), Start.AddHours(1), Ct);
        await PassAsync(store, Samples.Account, FollowerPassRecord.Full, Start.AddHours(-1), ["old"], wholeList: true);
        await PassAsync(store, Samples.Account, FollowerPassRecord.Partial, Start.AddHours(2), ["back", "old"], wholeList: false);
        Assert.Equal(new[] { post.TweetId }, Assert.Single((await likers.GetArrivalEvidenceAsync(Samples.Account, Start, Start, TimeSpan.FromHours(48), Ct)).Liked, l => l.UserId == "back").PostIds);

        await PassAsync(store, Samples.Account, FollowerPassRecord.Full, Start.AddHours(50), ["old"], wholeList: true);
        await PassAsync(store, Samples.Account, FollowerPassRecord.Partial, Start.AddHours(51), ["back", "old"], wholeList: false);

        Assert.Empty((await likers.GetArrivalEvidenceAsync(Samples.Account, Start, Start, TimeSpan.FromHours(48), Ct)).Liked);
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        Assert.Equal(
            (Start.AddHours(50), Start.AddHours(51)),
            await connection.QuerySingleAsync<(DateTimeOffset, DateTimeOffset)>(
                "select arrived_after, first_seen_at from liked_arrivals where account = @account and user_id = 'back'", new { account = Samples.Account }));
    }

    private static async Task PassAsync(FollowerStore store, string account, string kind, DateTimeOffset at, string[] read, bool wholeList)
    {
        var state = await store.GetStateAsync(account, Ct);
        var following = await store.GetFollowingAsync(account, among: null, above: null, Ct);
        var pass = FollowerPass.Compare(following, [.. read.Select(id => new XFollower(id, $"h_{id}", null))], wholeList);
        await store.SaveAsync(account, new FollowerPassRecord(kind, at, at.AddMinutes(1), 1, null, state.LastPassAt), pass, Ct);
    }

    private async Task<Dictionary<string, string>> RowsAsync(string account, string sql)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        await connection.ExecuteAsync("set timezone = 'UTC'");
        var rows = await connection.QueryAsync<(string Key, string Value)>(sql, new { account });
        return rows.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
    }

    private static Dictionary<string, string> Seen(params (string UserId, DateTimeOffset At)[] rows) =>
        rows.ToDictionary(r => r.UserId, r => Text(r.At), StringComparer.Ordinal);

    private static string Text(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss+00", System.Globalization.CultureInfo.InvariantCulture);
}
