using System.Text.Json;
using FollowerLoop.Harness;
using FollowerLoop.Scheduling;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Tracking;
using FollowerLoop.Tracking.Durable;
using FollowerLoop.Worker.Commands;
using FollowerLoop.X;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FollowerLoop.Tests.Tracking.Durable;

/// <summary>
/// The orchestration on a real Durable Task engine (the in-memory backend behind the real gRPC worker),
/// with real Postgres and Redis. The clock runs 7,200 times faster, so 48 hours take 24 seconds: the
/// scheduler's conversion of due times to real time is part of what is tested.
/// </summary>
public sealed class TrackPostOnTestHostTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private const double Factor = 7200;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<StartedHost> StartHostAsync(ScriptedXClient? x = null, string overdueGrace = "00:05:00")
    {
        var start = DateTimeOffset.UtcNow;
        var builder = HostFactory.CreateBuilder(b => b.AddFollowerLoopCore().AddJobs());
        builder.Configuration.AddInMemoryCollection(Samples.HostSettings(db, Factor, start));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tracking:RetryBaseDelay"] = "00:01:00",
            ["Tracking:OverdueGrace"] = overdueGrace,
        });
        builder.Services.AddSingleton<IXClient>(sp => x ?? new ScriptedXClient(sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddInMemoryDurableTask(r => r.AddTracking(), new InMemoryDurableTaskOptions { Port = FreePort.Next() });
        builder.Services.AddDurableTracking();
        return await StartedHost.StartAsync(builder.Build(), Ct);
    }

    private async Task<PostRecord> PostNowAsync(StartedHost host) =>
        await Samples.PostedAsync(db, host.Services.GetRequiredService<TimeProvider>().GetUtcNow());

    private static async Task<OrchestrationMetadata> WaitCompletedAsync(StartedHost host, string postId)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Timeout);
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        return await client.WaitForInstanceCompletionAsync(DurableCheckpointScheduler.InstanceId(postId), getInputsAndOutputs: true, timeout.Token);
    }

    [Fact]
    public async Task APost_GetsAllSixPhasesMeasuredOnce_NoneBeforeItWasDue()
    {
        await using var host = await StartHostAsync();
        var post = await PostNowAsync(host);

        await host.Services.GetRequiredService<ICheckpointScheduler>().StartTrackingAsync(post, new HashSet<CheckpointPhase>(), Ct);
        var done = await WaitCompletedAsync(host, post.TweetId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var velocity = await new TrackingStore(db.DataSource).GetVelocityAsync(post.TweetId, Ct);
        Assert.Equal(CheckpointPhases.All.Select(p => p.ToColumn()).Order(), velocity.Select(r => r.Phase).Order());
        Assert.All(velocity, r => Assert.Equal((CheckpointStatus.Measured, 1), (r.Status, r.Attempts)));
        Assert.All(velocity, r => Assert.True(r.CheckedAt >= r.DueAt, $"{r.Phase} measured at {r.CheckedAt:O}, before {r.DueAt:O}"));
        Assert.Equal(6, (await new TrackingStore(db.DataSource).GetFollowersAsync(post.TweetId, Ct)).Count);
        var status = JsonSerializer.Deserialize<TrackPostStatus>(done.SerializedCustomStatus!, JsonSerializerOptions.Web)!;
        Assert.Equal(CheckpointPhases.All.Select(p => p.ToColumn()), status.Done);
        Assert.Null(status.Next);
        Assert.NotNull((await new PostStore(db.DataSource).GetByTweetIdAsync(post.TweetId, Ct))!.TrackingScheduledAt);
    }

    [Fact]
    public async Task StartingTrackingTwice_KeepsOneOrchestration_AndARateLimitedReadWaitsForItsReset()
    {
        var x = new ScriptedXClient(TimeProvider.System) { RateLimitReset = TimeSpan.FromMinutes(30) };
        await using var host = await StartHostAsync(x);
        var post = await PostNowAsync(host);
        x.RateLimitedReads[post.TweetId] = 1;
        var scheduler = host.Services.GetRequiredService<ICheckpointScheduler>();

        await scheduler.StartTrackingAsync(post, new HashSet<CheckpointPhase>(), Ct);
        await scheduler.StartTrackingAsync(post, new HashSet<CheckpointPhase>(), Ct);
        var done = await WaitCompletedAsync(host, post.TweetId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var results = done.ReadOutputAs<List<PhaseResult>>()!;
        Assert.Equal(new PhaseResult("baseline", nameof(CheckpointOutcomeKind.Measured), 2), results[0]);
        var baseline = Assert.Single(await new TrackingStore(db.DataSource).GetVelocityAsync(post.TweetId, Ct), r => r.Phase == "baseline");
        // The 30-minute reset, not the 1-minute backoff, and on the virtual clock.
        Assert.True(baseline.CheckedAt - baseline.DueAt >= TimeSpan.FromMinutes(30), $"the retry ran {baseline.CheckedAt - baseline.DueAt} after the first read");
        Assert.Equal(2, baseline.Attempts);
        Assert.Equal(CheckpointPhases.All.Count + 1, x.ReadsOf(post.TweetId));
    }

    [Fact]
    public async Task TheReconciler_WhileAPhaseWaitsToRetry_StartsNoSecondChain()
    {
        // A rate limit whose reset is 30 virtual hours away keeps the baseline retrying for 15 real seconds; the
        // grace, 10 real seconds (20 virtual hours), passes meanwhile, so the sweep finds the baseline and 2h rowless.
        var x = new ScriptedXClient(TimeProvider.System) { RateLimitReset = TimeSpan.FromHours(30) };
        await using var host = await StartHostAsync(x, overdueGrace: "00:00:10");
        var post = await PostNowAsync(host);
        x.RateLimitedReads[post.TweetId] = 1;
        await host.Services.GetRequiredService<ICheckpointScheduler>().StartTrackingAsync(post, new HashSet<CheckpointPhase>(), Ct);
        await Task.Delay(TimeSpan.FromSeconds(12), Ct);
        Assert.Equal(1, x.ReadsOf(post.TweetId));

        await host.Services.GetRequiredService<TrackingReconcilerJob>().RunAsync(Ct);
        var done = await WaitCompletedAsync(host, post.TweetId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(CheckpointPhases.All.Count + 1, x.ReadsOf(post.TweetId));
        var velocity = await new TrackingStore(db.DataSource).GetVelocityAsync(post.TweetId, Ct);
        Assert.Equal(2, Assert.Single(velocity, r => r.Phase == "baseline").Attempts);
    }
}
