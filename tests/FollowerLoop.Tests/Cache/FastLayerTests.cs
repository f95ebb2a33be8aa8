using FollowerLoop.Cache;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using StackExchange.Redis;

namespace FollowerLoop.Tests.Cache;

public sealed class FastLayerTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<IDatabase> RawRedisAsync(string configuration) =>
        (await ConnectionMultiplexer.ConnectAsync(configuration)).GetDatabase();

    private async Task<PostRecord> MeasuredPostAsync(CacheHarness cache)
    {
        var post = await Samples.PostedAsync(db, cache.Clock.GetUtcNow());
        await cache.Tracking.RecordCheckpointAsync(Samples.Velocity(post.TweetId, "2h", 30), Samples.Followers(post.TweetId, "2h", 1200), Ct);
        return post;
    }

    [Fact]
    public async Task RecordCheckpoint_WritesPostgresThenRedis()
    {
        await using var cache = new CacheHarness(db, TestEnvironment.Redis);
        var post = await MeasuredPostAsync(cache);

        var raw = await RawRedisAsync(TestEnvironment.Redis);
        Assert.Equal(1200, (long)await raw.HashGetAsync(cache.Keys.Followers(post.TweetId), "2h"));
        var ttl = await raw.KeyTimeToLiveAsync(cache.Keys.Metrics(post.TweetId));
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        Assert.Equal(30, (await new TrackingStore(db.DataSource).GetVelocityAsync(post.TweetId, Ct)).Single().Likes);
    }

    [Fact]
    public async Task Reads_MissingInRedis_ComeFromPostgresAndRefillRedis()
    {
        await using var cache = new CacheHarness(db, TestEnvironment.Redis);
        var post = await MeasuredPostAsync(cache);
        var raw = await RawRedisAsync(TestEnvironment.Redis);
        await raw.KeyDeleteAsync([cache.Keys.Metrics(post.TweetId), cache.Keys.Followers(post.TweetId)]);

        var metrics = await cache.Tracking.GetLatestMetricsAsync(post.TweetId, Ct);
        var measured = await cache.Tracking.IsPhaseMeasuredAsync(post.TweetId, CheckpointPhase.Hours2, Ct);
        var followers = await cache.Tracking.GetFollowerCountsAsync(post.TweetId, Ct);

        Assert.Equal(30, metrics!.Likes);
        Assert.True(measured);
        Assert.Equal(1200, followers[CheckpointPhase.Hours2]);
        Assert.True(await raw.KeyExistsAsync(cache.Keys.Metrics(post.TweetId)));
        Assert.True(await raw.KeyExistsAsync(cache.Keys.Followers(post.TweetId)));
        Assert.False(await cache.Tracking.IsPhaseMeasuredAsync(post.TweetId, CheckpointPhase.Hours6, Ct));
    }

    [Fact]
    public async Task WithRedisOnADeadPort_EveryReadAndWriteSucceedsThroughPostgres_AndTheOutageIsLoggedOnce()
    {
        await using var cache = new CacheHarness(db, TestEnvironment.DeadRedis);
        cache.Clock.SetUtcNow(Samples.Start.AddDays(30));
        var post = await MeasuredPostAsync(cache);
        var item = Samples.Content();
        await cache.Content.EnqueueAsync(item, Ct);
        await cache.Patterns.PublishAsync(Samples.Account,
            [new LearnedPattern { Account = Samples.Account, Category = "format", Finding = "lists win", EffectSize = 2, SampleSize = 20, CreatedAt = Samples.Start }], Ct);

        Assert.Equal(30, (await cache.Tracking.GetLatestMetricsAsync(post.TweetId, Ct))!.Likes);
        Assert.True(await cache.Tracking.IsPhaseMeasuredAsync(post.TweetId, CheckpointPhase.Hours2, Ct));
        Assert.Equal(1200, (await cache.Tracking.GetFollowerCountsAsync(post.TweetId, Ct))[CheckpointPhase.Hours2]);
        Assert.True(await cache.Dedupe.IsKnownAsync(item.ContentHash, Ct));
        Assert.False(await cache.Dedupe.IsKnownAsync("never-seen", Ct));
        Assert.Equal(1, await cache.Counters.GetTodayAsync(Samples.Account, ContentKind.Post, Ct));
        Assert.Contains(await cache.Patterns.GetCurrentAsync(Samples.Account, Ct), p => p.Finding == "lists win");
        Assert.True(cache.Redis.IsDown);
        Assert.Equal(1, cache.OutageWarnings);
    }

    [Fact]
    public async Task RedisStoppedMidRun_LosesNothing_AndCountersAreRecomputedWhenItIsBack()
    {
        await using var server = new RedisServerProcess();
        await server.StartAsync();
        await using var cache = new CacheHarness(db, server.Configuration);
        cache.Clock.SetUtcNow(Samples.Start.AddDays(20));
        await Samples.PostedAsync(db, cache.Clock.GetUtcNow());
        Assert.Equal(1, await cache.Counters.GetTodayAsync(Samples.Account, ContentKind.Post, Ct));

        await server.StopAsync();
        var during = await MeasuredPostAsync(cache);
        await cache.Counters.IncrementAsync(ContentKind.Post, Ct);
        Assert.Equal(30, (await cache.Tracking.GetLatestMetricsAsync(during.TweetId, Ct))!.Likes);
        Assert.True(cache.Redis.IsDown);

        await server.StartAsync();
        await Eventually.TrueAsync(async () => (await cache.Tracking.GetFollowerCountsAsync(during.TweetId, Ct)).Count == 1 && !cache.Redis.IsDown,
            TimeSpan.FromSeconds(15), "the fast layer to reconnect");

        Assert.Equal(2, await cache.Counters.GetTodayAsync(Samples.Account, ContentKind.Post, Ct));
        Assert.Equal(1, cache.OutageWarnings);
        Assert.Contains(cache.Logger.Collector.GetSnapshot(), r => r.Id.Id == 2002);
    }

    [Fact]
    public async Task DailyCounter_CountsIncrementsOnTopOfThePostgresSeed()
    {
        await using var cache = new CacheHarness(db, TestEnvironment.Redis);
        cache.Clock.SetUtcNow(Samples.Start.AddDays(10));
        var account = Samples.Account;

        Assert.Equal(0, await cache.Counters.GetTodayAsync(account, ContentKind.Reply, Ct));
        await cache.Counters.IncrementAsync(ContentKind.Reply, Ct);
        await cache.Counters.IncrementAsync(ContentKind.Reply, Ct);

        Assert.Equal(2, await cache.Counters.GetTodayAsync(account, ContentKind.Reply, Ct));
    }
}
