using FollowerLoop.Harness;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;

namespace FollowerLoop.Tests.Tracking;

public sealed class ReconcilerAndOutageTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan LoopTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task CrashBeforeScheduling_IsRepairedByTheReconciler_AndARedisOutageLosesNothing()
    {
        await using var redis = new RedisServerProcess();
        await redis.StartAsync();
        await using var rig = await LoopRig.StartAsync(db);
        await using var worker = ChildProcess.Worker(rig.WorkerEnvironment(redis.Configuration));
        var posts = new PostStore(db.DataSource);

        // A post recorded by a worker that died before scheduling its checkpoints.
        var orphanItem = await rig.QueueAsync("Your resume is a sales page. Lead with outcomes, not duties.");
        var orphanOnX = rig.World.Publish(orphanItem.Text);
        await posts.RecordPostedAsync(
            new PostRecord(orphanItem.DecisionId, orphanOnX.Id, rig.Account, rig.Clock.GetUtcNow(), TrackingScheduledAt: null),
            rig.Clock.GetUtcNow(),
            CancellationToken.None);

        worker.Start();
        await Eventually.TrueAsync(
            async () => (await posts.GetByTweetIdAsync(orphanOnX.Id, CancellationToken.None))!.TrackingScheduledAt is not null,
            LoopTimeout,
            $"the reconciler to schedule the orphan's tracking; worker said:{Environment.NewLine}{worker.Tail}");

        await redis.StopAsync();
        var duringOutage = await rig.QueueAsync("Refactoring without unit tests is just moving bugs around.");
        PostRecord? posted = null;
        await Eventually.TrueAsync(
            async () => (posted = (await posts.GetPostedSinceAsync(rig.Account, DateTimeOffset.MinValue, CancellationToken.None))
                .FirstOrDefault(p => p.DecisionId == duringOutage.DecisionId)) is not null,
            LoopTimeout,
            $"a post while Redis is down; worker said:{Environment.NewLine}{worker.Tail}");

        await rig.WaitForAllPhasesAsync(orphanOnX.Id, worker, LoopTimeout);
        await rig.WaitForAllPhasesAsync(posted!.TweetId, worker, LoopTimeout);
        Assert.Equal(6, (await rig.VelocityAsync(orphanOnX.Id)).Count);
        Assert.Equal(6, (await rig.VelocityAsync(posted.TweetId)).Count);
        Assert.Single(rig.World.GetPosts(), p => p.Text == duringOutage.Text);
    }
}
