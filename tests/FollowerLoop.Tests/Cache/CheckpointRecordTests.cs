using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using Npgsql;
using StackExchange.Redis;

namespace FollowerLoop.Tests.Cache;

/// <summary>A checkpoint's rows survive a failure between its two writes and a database restored under the same Redis.</summary>
public sealed class CheckpointRecordTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFollowerRowThatFailsToWrite_TakesTheVelocityRowWithIt_SoThePhaseIsStillToDo()
    {
        await using var cache = new CacheHarness(db, TestEnvironment.Redis);
        var post = await Samples.PostedAsync(db, cache.Clock.GetUtcNow());
        await using (await FailingInsert.CreateAsync(db, "post_follower_tracking", $"new.post_id = '{post.TweetId}'"))
        {
            await Assert.ThrowsAsync<PostgresException>(() =>
                cache.Tracking.RecordCheckpointAsync(Samples.Velocity(post.TweetId, "2h", 30), Samples.Followers(post.TweetId, "2h", 1200), Ct));
        }

        Assert.Empty(await new TrackingStore(db.DataSource).GetVelocityAsync(post.TweetId, Ct));
        Assert.False(await cache.Tracking.IsPhaseMeasuredAsync(post.TweetId, CheckpointPhase.Hours2, Ct));

        await cache.Tracking.RecordCheckpointAsync(Samples.Velocity(post.TweetId, "2h", 30), Samples.Followers(post.TweetId, "2h", 1200), Ct);
        Assert.Single(await new TrackingStore(db.DataSource).GetFollowersAsync(post.TweetId, Ct));
        Assert.True(await cache.Tracking.IsPhaseMeasuredAsync(post.TweetId, CheckpointPhase.Hours2, Ct));
    }

    [Fact]
    public async Task AfterADatabaseRestoreUnderTheSameRedis_APhaseTheRestoreLost_IsStillToDo_AndTheCacheExpires()
    {
        await using var cache = new CacheHarness(db, TestEnvironment.Redis);
        var post = await Samples.PostedAsync(db, cache.Clock.GetUtcNow());
        await cache.Tracking.RecordCheckpointAsync(Samples.Velocity(post.TweetId, "2h", 30), Samples.Followers(post.TweetId, "2h", 1200), Ct);

        // The restore: Postgres as it was before the checkpoint; Redis untouched.
        await using (var restore = db.DataSource.CreateCommand(
            $"delete from post_velocity_tracking where post_id = '{post.TweetId}'; delete from post_follower_tracking where post_id = '{post.TweetId}'"))
        {
            await restore.ExecuteNonQueryAsync(Ct);
        }

        Assert.False(await cache.Tracking.IsPhaseMeasuredAsync(post.TweetId, CheckpointPhase.Hours2, Ct));
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync(cache.Keys.Followers(post.TweetId));
        Assert.InRange(ttl!.Value, TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(3));
    }
}
