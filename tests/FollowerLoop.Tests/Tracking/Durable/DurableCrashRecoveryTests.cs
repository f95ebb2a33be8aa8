using System.Net.Http.Json;
using System.Text.Json;
using FollowerLoop.Harness;
using FollowerLoop.Sandbox;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
namespace FollowerLoop.Tests.Tracking.Durable;

/// <summary>
/// `followerloop run` as a real process on Azurite, killed with SIGKILL and started again;
/// the sandbox (through Chromium), Postgres and Redis are real, the clock 2,400 times faster.
/// </summary>
public sealed class DurableCrashRecoveryTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan LoopTimeout = TimeSpan.FromMinutes(4);

    // The orchestration's own log lines, for the failure messages.
    private static Dictionary<string, string> WorkerSettings(LoopRig rig) => new(rig.WorkerEnvironment(TestEnvironment.Redis))
    {
        ["Logging__LogLevel__FollowerLoop"] = "Information",
    };

    [Fact]
    public async Task KilledWhileThePostWaitsOnTimers_MeasuresEveryPhaseOnce_NoneEarly()
    {
        await using var rig = await LoopRig.StartAsync(db);
        await using var worker = ChildProcess.Worker(WorkerSettings(rig));
        worker.Start();
        var post = await PostAndWaitForBaselineAsync(rig, worker, "Durable timers survive a kill: write the test first.");
        await worker.KillAsync();
        var pending = CheckpointPhases.All.Count - (await rig.VelocityAsync(post.TweetId)).Count;
        Assert.True(pending >= 4, $"only {pending} phase(s) were still waiting on their timers at the kill");

        // Down until the next two checkpoints are overdue.
        var nextTwo = CheckpointPhases.All[CheckpointPhases.All.Count - pending + 1].Offset();
        await Eventually.TrueAsync(
            () => Task.FromResult(rig.Clock.GetUtcNow() > post.PostedAt + nextTwo + TimeSpan.FromHours(1)),
            LoopTimeout,
            "the clock to pass two more checkpoints");
        worker.Start();
        await rig.WaitForAllPhasesAsync(post.TweetId, worker, LoopTimeout);

        await AssertSixPhasesOnceAndOnTimeAsync(rig, post);
    }

    [Fact]
    public async Task KilledWhileACheckpointActivityRuns_RunsItAgainAfterRestart_WritingItOnce()
    {
        await using var rig = await LoopRig.StartAsync(db);
        await using var worker = ChildProcess.Worker(WorkerSettings(rig));
        worker.Start();
        var post = await PostAndWaitForBaselineAsync(rig, worker, "Durable activities survive a kill: measure twice, write once.");

        // The next read of the post's page answers only after SlowMs: kill the worker while it waits for it.
        using var admin = new HttpClient { BaseAddress = rig.SandboxBaseAddress };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", rig.SandboxOptions.AdminToken);
        (await admin.PostAsJsonAsync("/admin/faults", new { mode = "slow", count = 1, pathPrefix = $"/{rig.Account}/status/{post.TweetId}" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(
            async () => (await admin.GetFromJsonAsync<JsonElement>("/admin/faults", TestContext.Current.CancellationToken)).GetArrayLength() == 0,
            LoopTimeout,
            $"the next checkpoint to read the post; worker said:{Environment.NewLine}{worker.Tail}");
        await worker.KillAsync();
        var recorded = (await rig.VelocityAsync(post.TweetId)).Select(r => r.Phase).ToHashSet();
        var interrupted = CheckpointPhases.All.Select(p => p.ToColumn()).First(p => !recorded.Contains(p));

        worker.Start();
        await rig.WaitForAllPhasesAsync(post.TweetId, worker, LoopTimeout);

        await AssertSixPhasesOnceAndOnTimeAsync(rig, post);
        Assert.Contains(await rig.VelocityAsync(post.TweetId), r => r.Phase == interrupted && r.Attempts == 1);
    }

    private static async Task<PostRecord> PostAndWaitForBaselineAsync(LoopRig rig, ChildProcess worker, string text)
    {
        var item = await rig.QueueAsync(text);
        PostRecord? post = null;
        await Eventually.TrueAsync(
            async () => (post = (await new PostStore(rig.Database.DataSource).GetPostedSinceAsync(rig.Account, DateTimeOffset.MinValue, CancellationToken.None))
                .FirstOrDefault(p => p.DecisionId == item.DecisionId)) is not null
                && (await rig.VelocityAsync(post.TweetId)).Any(r => r.Phase == "baseline"),
            LoopTimeout,
            $"the post and its baseline; worker said:{Environment.NewLine}{worker.Tail}");
        return post!;
    }

    private static async Task AssertSixPhasesOnceAndOnTimeAsync(LoopRig rig, PostRecord post)
    {
        var velocity = await rig.VelocityAsync(post.TweetId);
        Assert.Equal(CheckpointPhases.All.Select(p => p.ToColumn()).Order(), velocity.Select(r => r.Phase).Order());
        Assert.All(velocity, r => Assert.Equal(CheckpointStatus.Measured, r.Status));
        Assert.All(velocity, r => Assert.True(r.CheckedAt >= r.DueAt, $"{r.Phase} measured at {r.CheckedAt:O}, before {r.DueAt:O}"));
        Assert.Equal(6, (await rig.FollowersAsync(post.TweetId)).Count);
        Assert.Single(rig.World.GetPosts(), p => p.Text.StartsWith("Durable", StringComparison.Ordinal) && p.Id == post.TweetId);
    }
}
