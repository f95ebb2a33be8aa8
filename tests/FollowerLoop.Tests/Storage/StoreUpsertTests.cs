using Dapper;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;

namespace FollowerLoop.Tests.Storage;

/// <summary>Jobs are retried and re-run: every write keyed on a natural key must leave one row.</summary>
public sealed class StoreUpsertTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<long> CountAsync(string table, string where, object args)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        return await connection.ExecuteScalarAsync<long>($"select count(*) from {table} where {where}", args);
    }

    [Fact]
    public async Task Enqueue_SameContentTwice_KeepsOneRowAndSaysDuplicate()
    {
        var store = new ContentStore(db.DataSource);
        var item = Samples.Content();

        Assert.True(await store.EnqueueAsync(item, Ct));
        Assert.False(await store.EnqueueAsync(item with { DecisionId = Guid.NewGuid() }, Ct));

        Assert.Equal(1, await CountAsync("content_metadata", "content_hash = @ContentHash", item));
    }

    [Fact]
    public async Task RecordPosted_Twice_KeepsOnePostAndMarksTheItemPosted()
    {
        var post = await Samples.PostedAsync(db);
        await new PostStore(db.DataSource).RecordPostedAsync(post, post.PostedAt, Ct);

        Assert.Equal(1, await CountAsync("posted_decisions", "decision_id = @DecisionId", post));
        Assert.Equal(ContentStatus.Posted, (await new ContentStore(db.DataSource).GetAsync(post.DecisionId, Ct))!.Status);
    }

    [Fact]
    public async Task CheckpointUpserts_Twice_KeepOneRowPerPhaseWithTheLatestValues()
    {
        var post = await Samples.PostedAsync(db);
        var store = new TrackingStore(db.DataSource);

        await store.UpsertVelocityAsync(Samples.Velocity(post.TweetId, "2h", 10), Ct);
        await store.UpsertVelocityAsync(Samples.Velocity(post.TweetId, "2h", 12), Ct);
        await store.UpsertFollowersAsync(Samples.Followers(post.TweetId, "2h", 100), Ct);
        await store.UpsertFollowersAsync(Samples.Followers(post.TweetId, "2h", 101), Ct);

        Assert.Equal(12, Assert.Single(await store.GetVelocityAsync(post.TweetId, Ct)).Likes);
        Assert.Equal(101, Assert.Single(await store.GetFollowersAsync(post.TweetId, Ct)).Followers);
    }

    [Fact]
    public async Task CheckpointUpsert_FailureAfterMeasurement_DoesNotEraseTheMeasurement()
    {
        var post = await Samples.PostedAsync(db);
        var store = new TrackingStore(db.DataSource);

        await store.UpsertVelocityAsync(Samples.Velocity(post.TweetId, "6h", 40), Ct);
        await store.UpsertVelocityAsync(Samples.Velocity(post.TweetId, "6h", null, CheckpointStatus.Failed) with { Error = "timeout" }, Ct);

        var row = Assert.Single(await store.GetVelocityAsync(post.TweetId, Ct));
        Assert.Equal(CheckpointStatus.Measured, row.Status);
        Assert.Equal(40, row.Likes);
    }

    [Fact]
    public async Task OutcomeUpsert_Twice_KeepsOneRowAndNeverGoesBackInTime()
    {
        var post = await Samples.PostedAsync(db);
        var store = new OutcomeStore(db.DataSource);
        var newer = new UnifiedOutcome { DecisionId = post.DecisionId, PostId = post.TweetId, Likes = 20, CollectionPhase = "live", CollectedAt = Samples.Start.AddHours(3) };

        await store.UpsertAsync(newer, Ct);
        await store.UpsertAsync(newer with { Likes = 5, CollectedAt = Samples.Start.AddHours(1) }, Ct);
        await store.UpsertAsync(newer, Ct);

        Assert.Equal(1, await CountAsync("unified_outcomes", "post_id = @TweetId", post));
        Assert.Equal(20, (await store.GetByPostIdAsync(post.TweetId, Ct))!.Likes);
    }

    [Fact]
    public async Task SnapshotAttributionAndTrainingUpserts_Twice_KeepOneRowEach()
    {
        var post = await Samples.PostedAsync(db);
        var snapshots = new AccountSnapshotStore(db.DataSource);
        var snapshot = new AccountSnapshot("snap_account", Samples.Start, 1000, true, 10, 5);
        await snapshots.UpsertAsync(snapshot, Ct);
        await snapshots.UpsertAsync(snapshot with { Followers = 1001 }, Ct);

        var attribution = new AttributionStore(db.DataSource);
        PostAttribution[] rows =
        [
            new(post.TweetId, "naive", 3, Samples.Start, Samples.Start.AddHours(48), Samples.Start.AddHours(49)),
            new(post.TweetId, "engagement_share", 1.5, Samples.Start, Samples.Start.AddHours(48), Samples.Start.AddHours(49)),
        ];
        await attribution.UpsertAsync(rows, Ct);
        await attribution.UpsertAsync(rows, Ct);

        var training = new TrainingStore(db.DataSource);
        var row = new TrainingRow
        {
            PostId = post.TweetId, DecisionId = post.DecisionId, Account = post.Account, Kind = ContentKind.Post,
            PostedAt = post.PostedAt, HourOfDay = 9, DayOfWeek = 1, ComputedAt = Samples.Start.AddHours(49), AttributedFollowers = 2.5,
        };
        await training.UpsertAsync([row], Ct);
        await training.UpsertAsync([row with { AttributedFollowers = 3.5 }], Ct);

        Assert.Equal(1001, Assert.Single(await snapshots.GetRangeAsync("snap_account", Samples.Start, Samples.Start, Ct)).Followers);
        Assert.Equal(2, (await attribution.GetForPostAsync(post.TweetId, Ct)).Count);
        Assert.Equal(3.5, Assert.Single(await training.GetAllAsync(post.Account, Ct), r => r.PostId == post.TweetId).AttributedFollowers);
    }

    [Fact]
    public async Task AttributionUpsert_OfSeveralPostsInOneCall_WritesEachRow_KeepsAnUnknownAsNull_AndAcceptsNone()
    {
        var first = await Samples.PostedAsync(db);
        var second = await Samples.PostedAsync(db);
        var attribution = new AttributionStore(db.DataSource);
        // Times at a local offset: Npgsql refuses an array of timestamptz with any offset but 0.
        var start = Samples.Start.ToOffset(TimeSpan.FromHours(-5));
        PostAttribution Row(string postId, string method, double? followers, int computedHour, double? due = null) =>
            new(postId, method, followers, start, start.AddHours(48), start.AddHours(computedHour), due);

        await attribution.UpsertAsync([Row(first.TweetId, "engagement_share", 4, 10, due: 3), Row(first.TweetId, "overlap_shared", 2, 10), Row(second.TweetId, "engagement_share", 7, 10, due: 6)], Ct);
        await attribution.UpsertAsync([Row(first.TweetId, "engagement_share", 4.5, 11, due: 3.5), Row(second.TweetId, "engagement_share", null, 11)], Ct);
        await attribution.UpsertAsync([], Ct);

        var firstRows = await attribution.GetForPostAsync(first.TweetId, Ct);
        Assert.Equal(
            [("engagement_share", 4.5, (double?)3.5, Samples.Start.AddHours(11)), ("overlap_shared", 2.0, null, Samples.Start.AddHours(10))],
            firstRows.Select(r => (r.Method, r.AttributedFollowers!.Value, r.DueFollowers, r.ComputedAt)));
        var secondRow = Assert.Single(await attribution.GetForPostAsync(second.TweetId, Ct));
        Assert.Equal((null, null), (secondRow.AttributedFollowers, secondRow.DueFollowers));
        Assert.Equal(Samples.Start.AddHours(11), secondRow.ComputedAt);
    }

    [Fact]
    public async Task MarkPosting_ClaimsAQueuedItemOnlyOnce()
    {
        var store = new ContentStore(db.DataSource);
        var item = Samples.Content();
        await store.EnqueueAsync(item, Ct);

        Assert.True(await store.MarkPostingAsync(item.DecisionId, Samples.Start, Ct));
        Assert.False(await store.MarkPostingAsync(item.DecisionId, Samples.Start, Ct));

        var inFlight = await store.GetInFlightAsync(item.Account, Ct);
        Assert.Contains(inFlight, i => i.DecisionId == item.DecisionId && i.Attempts == 1 && i.PostingStartedAt == Samples.Start);
    }

    [Fact]
    public async Task TrainingUpsert_OfSeveralRowsInOneCall_WritesEveryColumn_AndKeepsUnknownsNull()
    {
        var first = await Samples.PostedAsync(db);
        var second = await Samples.PostedAsync(db);
        var training = new TrainingStore(db.DataSource);
        var known = new TrainingRow
        {
            PostId = first.TweetId, DecisionId = first.DecisionId, Account = first.Account, Kind = ContentKind.Post,
            Format = "HowTo", Topic = "SEO", Hook = "question", Features = """{"length": 120}""", PostedAt = first.PostedAt,
            HourOfDay = 9, DayOfWeek = 1, HoursSincePrevious = 3.25, FollowersAtPost = 1000, Likes2h = 1, Retweets2h = 2,
            Replies2h = 3, Views2h = 4, ProfileViews2h = 5, Likes24h = 6, Retweets24h = 7, Replies24h = 8, Bookmarks24h = 9,
            Views24h = 10, Likes48h = 11, Views48h = 12, Engagement24h = 13, FollowersGainedNaive = 14, AttributedFollowers = 2.5,
            LearnedFollowers = 1.75, ComputedAt = Samples.Start.AddHours(49),
        };
        var unknown = new TrainingRow
        {
            PostId = second.TweetId, DecisionId = second.DecisionId, Account = second.Account, Kind = ContentKind.ThreadPart,
            PostedAt = second.PostedAt, HourOfDay = 23, DayOfWeek = 6, ComputedAt = Samples.Start.AddHours(50),
        };

        await training.UpsertAsync([known, unknown], Ct);
        await training.UpsertAsync([known with { Likes48h = 21, AttributedFollowers = 3.5, LearnedFollowers = 3.25, ComputedAt = Samples.Start.AddHours(51) }], Ct);

        var stored = (await training.GetAllAsync(first.Account, Ct)).ToDictionary(r => r.PostId);
        Assert.Equal(known with { Likes48h = 21, AttributedFollowers = 3.5, LearnedFollowers = 3.25, ComputedAt = Samples.Start.AddHours(51) }, stored[first.TweetId]);
        Assert.Equal(unknown, stored[second.TweetId]);
    }

    [Fact]
    public async Task TrainingUpsert_ARowThatCannotBeWritten_WritesNoneOfTheBatch()
    {
        var first = await Samples.PostedAsync(db);
        var second = await Samples.PostedAsync(db);
        var training = new TrainingStore(db.DataSource);
        TrainingRow Row(PostRecord post, string features) => new()
        {
            PostId = post.TweetId, DecisionId = post.DecisionId, Account = post.Account, Kind = ContentKind.Post,
            Features = features, PostedAt = post.PostedAt, HourOfDay = 9, DayOfWeek = 1, ComputedAt = Samples.Start.AddHours(49),
        };

        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => training.UpsertAsync([Row(first, "{}"), Row(second, "not json")], Ct));

        Assert.Equal(0, await CountAsync("comprehensive_metrics", "post_id = any(@ids)", new { ids = new[] { first.TweetId, second.TweetId } }));
    }
}
