using FollowerLoop.Harness;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
namespace FollowerLoop.Tests.Tracking;

/// <summary>
/// The worker is a real process killed without warning; the sandbox, Postgres, Redis and the task hub on Azurite are real.
/// Checkpoints survive in the post's orchestration, and posting is at most once.
/// </summary>
public sealed class CrashRecoveryTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan LoopTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task WorkerKilledAfterPosting_StillMeasuresAllSixPhasesOnce_AndNeverPostsTwice()
    {
        await using var rig = await LoopRig.StartAsync(db);
        await using var worker = ChildProcess.Worker(rig.WorkerEnvironment(TestEnvironment.Redis));
        var posts = new PostStore(db.DataSource);
        var content = new ContentStore(db.DataSource);

        worker.Start();
        var first = await rig.QueueAsync("Most AI agents fail for one boring reason: nobody measures them.");
        var post = await WaitPostedAsync(posts, rig, first.DecisionId, worker);
        await worker.KillAsync();
        Assert.True(rig.Clock.GetUtcNow() < post.PostedAt + CheckpointPhase.Hours2.Offset(), "the worker must die before the 2h checkpoint is due");

        // Two posts interrupted mid-click while the worker is down: one reached X, one did not.
        var reached = await rig.QueueAsync("Founders: your MRR chart is a lagging indicator. Watch activation.");
        await content.MarkPostingAsync(reached.DecisionId, rig.Clock.GetUtcNow(), CancellationToken.None);
        var reachedOnX = rig.World.Publish(reached.Text);
        var lost = await rig.QueueAsync("Deep work is a calendar problem before it is a focus problem.");
        await content.MarkPostingAsync(lost.DecisionId, rig.Clock.GetUtcNow(), CancellationToken.None);

        worker.Start();
        await rig.WaitForAllPhasesAsync(post.TweetId, worker, LoopTimeout);

        Assert.Equal(CheckpointPhases.All.Select(p => p.ToColumn()).Order(), (await rig.VelocityAsync(post.TweetId)).Select(r => r.Phase).Order());
        Assert.Equal(6, (await rig.FollowersAsync(post.TweetId)).Count);
        Assert.All(await rig.VelocityAsync(post.TweetId), r => Assert.True(r.CheckedAt >= r.DueAt, $"{r.Phase} measured before it was due"));

        var recovered = await WaitPostedAsync(posts, rig, reached.DecisionId, worker);
        Assert.Equal(reachedOnX.Id, recovered.TweetId);
        var reposted = await WaitPostedAsync(posts, rig, lost.DecisionId, worker);
        Assert.NotNull(rig.World.FindPost(reposted.TweetId));
        foreach (var text in new[] { first.Text, reached.Text, lost.Text })
        {
            Assert.Single(rig.World.GetPosts(), p => p.Text == text);
        }
    }

    private static async Task<PostRecord> WaitPostedAsync(PostStore posts, LoopRig rig, Guid decisionId, ChildProcess worker)
    {
        PostRecord? found = null;
        await Eventually.TrueAsync(
            async () =>
            {
                found = (await posts.GetPostedSinceAsync(rig.Account, DateTimeOffset.MinValue, CancellationToken.None))
                    .FirstOrDefault(p => p.DecisionId == decisionId);
                return found is not null;
            },
            LoopTimeout,
            $"item {decisionId} to be posted; worker said:{Environment.NewLine}{worker.Tail}");
        return found!;
    }
}
