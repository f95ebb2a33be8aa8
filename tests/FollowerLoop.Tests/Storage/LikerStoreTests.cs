using Dapper;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.X;

namespace FollowerLoop.Tests.Storage;

/// <summary>A post's likers, read once, and the new followers among them: within the post's first 48 hours, each shared by the posts they liked that were out before they followed.</summary>
public sealed class LikerStoreTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(48);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASecondRead_KeepsTheFirst()
    {
        await using var db = new PostgresDatabase();
        await db.InitializeAsync();
        var store = new LikerStore(db.DataSource);
        var post = await Samples.PostedAsync(db);
        var readAt = post.PostedAt.AddHours(49);

        await store.SaveAsync(new LikingUsers(post.TweetId, ["11", "12"], Complete: true), readAt, Ct);
        await store.SaveAsync(new LikingUsers(post.TweetId, ["11", "13", "14"], Complete: false), readAt.AddHours(1), Ct);

        Assert.Equal(new Dictionary<string, bool> { [post.TweetId] = true }, await store.GetReadAsync([post.TweetId, "999"], Ct));
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        Assert.Equal(["11", "12"], await connection.QueryAsync<string>("select user_id from post_likers where post_id = @id order by user_id", new { id = post.TweetId }));
        Assert.Equal((2, true), await connection.QuerySingleAsync<(int, bool)>("select liker_count, complete from post_liker_reads where post_id = @id", new { id = post.TweetId }));
    }

    /// <summary>Whether the likers were read before the followers were listed or after, the pairs are the same (each side's trigger makes them).</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ArrivalEvidence_CountsEveryArrivalPerWindow_AndGivesEachLikerThePostsTheyLikedThatWereOutBeforeTheyWereListed(bool likersReadFirst)
    {
        await using var db = new PostgresDatabase();
        await db.InitializeAsync();
        var store = new LikerStore(db.DataSource);
        var (first, second) = await ArrivalsAndLikersAsync(db, store, likersReadFirst);
        var t0 = Samples.Start;

        var (windows, liked) = await store.GetArrivalEvidenceAsync(Samples.Account, t0, t0, Window, Ct);

        // Dated arrivals first listed since t0 ("before-the-post" was listed earlier, "first-pass" has no date).
        Assert.Equal(
            [(1, 2, 2), (2, 5, 1), (4, 5, 1), (5, 6, 1), (47.5, 48.5, 1), (49, 50, 1)],
            windows.Select(w => ((w.ArrivedAfter - t0).TotalHours, (w.FirstSeenAt - t0).TotalHours, w.Arrivals)));
        var both = new[] { first.TweetId, second.TweetId }.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            [("in-window", 5.0, new[] { first.TweetId }), ("liked-a-newer-post", 2.0, both), ("liked-both", 4.0, both), ("straddles-the-end", 47.5, new[] { first.TweetId })],
            liked.OrderBy(l => l.UserId, StringComparer.Ordinal).Select(l => (l.UserId, (l.ArrivedAfter - t0).TotalHours, l.PostIds)));
    }

    /// <summary>Two posts 3 hours apart, their likers, and followers arriving before, within and after their windows.</summary>
    private static async Task<(PostRecord First, PostRecord Second)> ArrivalsAndLikersAsync(PostgresDatabase db, LikerStore store, bool likersReadFirst)
    {
        var first = await Samples.PostedAsync(db, Samples.Start);
        var second = await Samples.PostedAsync(db, Samples.Start.AddHours(3));
        var t0 = Samples.Start;
        async Task ReadLikersAsync()
        {
            await store.SaveAsync(new LikingUsers(first.TweetId, ["in-window", "straddles-the-end", "too-late", "before-the-post", "first-pass", "liked-both", "liked-a-newer-post", "stranger"], true), t0.AddHours(49), Ct);
            await store.SaveAsync(new LikingUsers(second.TweetId, ["liked-both", "liked-a-newer-post"], true), t0.AddHours(52), Ct);
        }

        if (likersReadFirst)
        {
            await ReadLikersAsync();
        }

        await AddFollowerAsync(db, "in-window", arrivedAfter: t0.AddHours(5), firstSeen: t0.AddHours(6));
        await AddFollowerAsync(db, "straddles-the-end", arrivedAfter: t0.AddHours(47.5), firstSeen: t0.AddHours(48.5));
        await AddFollowerAsync(db, "too-late", arrivedAfter: t0.AddHours(49), firstSeen: t0.AddHours(50));
        await AddFollowerAsync(db, "before-the-post", arrivedAfter: t0.AddHours(-2), firstSeen: t0.AddHours(-1));
        await AddFollowerAsync(db, "first-pass", arrivedAfter: null, firstSeen: t0.AddHours(1));
        await AddFollowerAsync(db, "liked-both", arrivedAfter: t0.AddHours(4), firstSeen: t0.AddHours(5));
        await AddFollowerAsync(db, "never-liked", arrivedAfter: t0.AddHours(1), firstSeen: t0.AddHours(2));
        await AddFollowerAsync(db, "never-liked-either", arrivedAfter: t0.AddHours(1), firstSeen: t0.AddHours(2));
        // Followed between passes at 2 and 5 hours, when only the first post was out, then liked the second (at 3 hours) too.
        await AddFollowerAsync(db, "liked-a-newer-post", arrivedAfter: t0.AddHours(2), firstSeen: t0.AddHours(5));
        if (!likersReadFirst)
        {
            await ReadLikersAsync();
        }

        return (first, second);
    }

    private static async Task AddFollowerAsync(PostgresDatabase db, string userId, DateTimeOffset? arrivedAfter, DateTimeOffset firstSeen)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        await connection.ExecuteAsync(
            """
            insert into followers (account, user_id, handle, first_seen_at, arrived_after, last_seen_at, list_position, quality)
            values (@account, @userId, @userId, @firstSeen, @arrivedAfter, @firstSeen, 1, 50)
            """,
            new { account = Samples.Account, userId, firstSeen, arrivedAfter });
    }
}
