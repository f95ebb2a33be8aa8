using FollowerLoop.Harness;
using FollowerLoop.Scheduling;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Tracking;
using FollowerLoop.Tracking.Durable;
using FollowerLoop.Worker.Commands;
using FollowerLoop.Worker.Engine.Durable;
using FollowerLoop.X;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FollowerLoop.Tests.Tracking.Durable;

/// <summary>
/// The task hub loses the messages that would wake an orchestration, as Azurite does when it is killed before its
/// 5-second autosave: the test empties the hub's queues between two workers on Azurite. A post whose 2h checkpoint
/// was under way and a post whose start never ran stay "Running" and "Pending" for ever unless the reconciler
/// replaces them. Postgres, Redis, Azurite and the engine are real; the clock runs 3,600 times faster.
/// </summary>
public sealed class LostWakeUpTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>, IAsyncDisposable
{
    private const double Factor = 3600;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly AzuriteTaskHub _hub = new();
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    [Fact]
    public async Task AnOrchestrationWhoseWakeUpWasLost_IsReplacedByTheReconciler_AndEveryPhaseIsMeasuredOnce()
    {
        var tracking = new TrackingStore(db.DataSource);
        PostRecord waiting;
        using (var first = await StartHostAsync(withWorker: true))
        {
            waiting = await Samples.PostedAsync(db, Now(first));
            await first.Services.GetRequiredService<ICheckpointScheduler>().StartTrackingAsync(waiting, new HashSet<CheckpointPhase>(), Ct);
            await Eventually.TrueAsync(async () => (await tracking.GetVelocityAsync(waiting.TweetId, Ct)).Count > 0, Timeout, "the first post's baseline");
            await first.StopAsync(Ct);
        }

        PostRecord neverStarted;
        using (var clientOnly = await StartHostAsync(withWorker: false))
        {
            neverStarted = await Samples.PostedAsync(db, Now(clientOnly));
            await clientOnly.Services.GetRequiredService<ICheckpointScheduler>().StartTrackingAsync(neverStarted, new HashSet<CheckpointPhase>(), Ct);
            await clientOnly.StopAsync(Ct);
        }

        var pending = CheckpointPhases.All.Count - (await tracking.GetVelocityAsync(waiting.TweetId, Ct)).Count;
        Assert.True(pending >= 3, $"only {pending} phase(s) of the first post were still waiting when its wake-up was dropped");
        await TaskHubQueues.DropMessagesAsync(TestEnvironment.Azurite, _hub.Name, Ct);

        using var second = await StartHostAsync(withWorker: true);
        var reconciler = second.Services.GetRequiredService<TrackingReconcilerJob>();
        await Eventually.TrueAsync(
            async () =>
            {
                await reconciler.RunAsync(Ct);
                return (await tracking.GetVelocityAsync(waiting.TweetId, Ct)).Count == CheckpointPhases.All.Count
                    && (await tracking.GetVelocityAsync(neverStarted.TweetId, Ct)).Count == CheckpointPhases.All.Count;
            },
            Timeout,
            "every phase of both posts");

        var client = second.Services.GetRequiredService<DurableTaskClient>();
        foreach (var post in new[] { waiting, neverStarted })
        {
            var velocity = await tracking.GetVelocityAsync(post.TweetId, Ct);
            Assert.Equal(CheckpointPhases.All.Select(p => p.ToColumn()).Order(), velocity.Select(r => r.Phase).Order());
            Assert.All(velocity, r => Assert.Equal((CheckpointStatus.Measured, 1), (r.Status, r.Attempts)));
            Assert.All(velocity, r => Assert.True(r.CheckedAt >= r.DueAt, $"{r.Phase} measured at {r.CheckedAt:O}, before {r.DueAt:O}"));
            await Eventually.TrueAsync(
                async () => (await client.GetInstanceAsync(DurableCheckpointScheduler.InstanceId(post.TweetId), Ct))?.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
                Timeout,
                $"post {post.TweetId}'s new orchestration to complete");
        }

        await second.StopAsync(Ct);
    }

    private static DateTimeOffset Now(IHost host) => host.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    private async Task<IHost> StartHostAsync(bool withWorker)
    {
        var builder = HostFactory.CreateBuilder(b => b.AddFollowerLoopCore().AddJobs().AddDurableTrackingClient());
        builder.Configuration.AddInMemoryCollection(Samples.HostSettings(db, Factor, _start));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DurableTask:Storage"] = TestEnvironment.Azurite,
            ["DurableTask:HubName"] = _hub.Name,
            ["DurableTask:ControlQueueVisibilityTimeout"] = "00:00:30",
            ["DurableTask:WorkItemQueueVisibilityTimeout"] = "00:00:30",
            ["Tracking:OverdueGrace"] = "00:00:10",
            // The shortest the engine's settings allow (30 s of visibility and a 10 s lease).
            ["Tracking:StuckAfter"] = "00:00:41",
        });
        builder.Services.AddSingleton<IXClient>(sp => new ScriptedXClient(sp.GetRequiredService<TimeProvider>()));
        if (withWorker)
        {
            builder.Services.AddDurableTaskWorker(worker => worker
                .AddTasks(tasks => tasks.AddTracking())
                .UseBuildTarget<TaskHubWorkerService>());
        }

        var host = builder.Build();
        await host.StartAsync(Ct);
        return host;
    }
}
