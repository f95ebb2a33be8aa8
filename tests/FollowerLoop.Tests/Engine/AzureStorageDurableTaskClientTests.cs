using Azure.Data.Tables;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Worker.Engine.Durable;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using CoreStatus = DurableTask.Core.OrchestrationStatus;

namespace FollowerLoop.Tests.Engine;

/// <summary>
/// The worker's in-process Durable Task client on a task hub of the test's own on Azurite, as
/// <c>followerloop run</c> wires it: the client and the hub's creation from <c>AddDurableTrackingClient</c>,
/// the orchestrations on <see cref="TaskHubWorkerService"/> (DurableTask.Core's TaskHubWorker). The
/// orchestrator greets its input's name once it is told to go, so an instance stays running until then.
/// </summary>
public sealed class AzureStorageDurableTaskClientTests : IAsyncDisposable
{
    private const string Greet = "Greet";
    private const string Go = "go";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    private readonly AzuriteTaskHub _hub = new();
    private readonly CancellationTokenSource _within = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
    private IHost? _host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DurableTaskClient Client => _host!.Services.GetRequiredService<DurableTaskClient>();

    public sealed record Greeting(string Name, int Times);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
            _host.Dispose();
        }

        await _hub.DisposeAsync();
        _within.Dispose();
    }

    [Fact]
    public async Task AStartedOrchestration_ReadsBackItsInputAndOutput_ThroughTheSdksJsonConverter()
    {
        await StartAsync(withWorker: true);
        var before = DateTimeOffset.UtcNow;

        var id = await Client.ScheduleNewOrchestrationInstanceAsync(Greet, new Greeting("ada", 2), new StartOrchestrationOptions("greet-ada"), Ct);
        var running = await Client.WaitForInstanceStartAsync(id, getInputsAndOutputs: true, Within());
        await Client.RaiseEventAsync(id, Go, "!", Ct);
        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, Within());

        Assert.Equal("greet-ada", id);
        Assert.Equal(OrchestrationRuntimeStatus.Running, running.RuntimeStatus);
        Assert.Equal(new Greeting("ada", 2), running.ReadInputAs<Greeting>());
        Assert.Equal((Greet, OrchestrationRuntimeStatus.Completed, "ada ada!"), (done.Name, done.RuntimeStatus, done.ReadOutputAs<string>()));
        Assert.InRange(done.CreatedAt, before.AddSeconds(-5), done.LastUpdatedAt);
        Assert.InRange(done.LastUpdatedAt, before, DateTimeOffset.UtcNow.AddSeconds(5));
        var bare = await Client.GetInstanceAsync(id, getInputsAndOutputs: false, Ct);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, bare!.RuntimeStatus);
        Assert.Null(bare.SerializedInput);
        Assert.Throws<InvalidOperationException>(() => bare.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ARunningOrchestration_IsKeptOnADedupedStart_Suspended_Resumed_Terminated_ThenPurged()
    {
        await StartAsync(withWorker: true);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(Greet, new Greeting("bob", 1), new StartOrchestrationOptions("greet-bob"), Ct);
        await Client.WaitForInstanceStartAsync(id, cancellation: Within());

        // As the tracking scheduler starts a post's orchestration: not over a live one.
        await Client.ScheduleNewOrchestrationInstanceAsync(Greet, new Greeting("eve", 3), new StartOrchestrationOptions(id).WithDedupeStatuses(
            OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended), Ct);
        var kept = await Client.GetInstanceAsync(id, getInputsAndOutputs: true, Ct);
        await Client.SuspendInstanceAsync(id, "held by the test", Ct);
        await StatusAsync(id, OrchestrationRuntimeStatus.Suspended);
        await Client.ResumeInstanceAsync(id, "let go by the test", Ct);
        await StatusAsync(id, OrchestrationRuntimeStatus.Running);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Client.PurgeInstanceAsync(id, Ct));
        await Client.TerminateInstanceAsync(id, new TerminateInstanceOptions { Output = "stopped by the test" }, Ct);
        var terminated = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, Within());
        var purged = await Client.PurgeInstanceAsync(id, Ct);

        Assert.Equal((OrchestrationRuntimeStatus.Running, new Greeting("bob", 1)), (kept!.RuntimeStatus, kept.ReadInputAs<Greeting>()));
        Assert.Equal((OrchestrationRuntimeStatus.Terminated, "stopped by the test"), (terminated.RuntimeStatus, terminated.ReadOutputAs<string>()));
        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await Client.GetInstanceAsync(id, Ct));
    }

    [Fact]
    public async Task PurgingAll_WithTheDashboardsFilter_PurgesOnlyTheFinished_AndAQueryListsTheRunning()
    {
        await StartAsync(withWorker: true);
        var done = await Client.ScheduleNewOrchestrationInstanceAsync(Greet, new Greeting("done", 1), Ct);
        var live = await Client.ScheduleNewOrchestrationInstanceAsync(Greet, new Greeting("live", 1), Ct);
        await Client.RaiseEventAsync(done, Go, ".", Ct);
        await Client.WaitForInstanceCompletionAsync(done, cancellation: Within());
        await Client.WaitForInstanceStartAsync(live, cancellation: Within());

        var running = new List<OrchestrationMetadata>();
        await foreach (var instance in Client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running], FetchInputsAndOutputs = true }).WithCancellation(Ct))
        {
            running.Add(instance);
        }

        var purged = await Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(CreatedFrom: null, CreatedTo: DateTimeOffset.UtcNow.AddMinutes(1), Statuses: Finished), Ct);

        Assert.Equal((live, new Greeting("live", 1)), (Assert.Single(running).InstanceId, running[0].ReadInputAs<Greeting>()));
        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await Client.GetInstanceAsync(done, Ct));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await Client.GetInstanceAsync(live, Ct))!.RuntimeStatus);
    }

    [Fact]
    public async Task AnInstanceNeverStarted_ReadsAsNull()
    {
        await StartAsync(withWorker: false);

        Assert.Null(await Client.GetInstanceAsync("never-started", getInputsAndOutputs: true, Ct));
    }

    [Fact]
    public async Task StartingTheHost_CreatesTheTaskHub_BeforeAnyoneUsesIt()
    {
        var tables = new TableServiceClient(TestEnvironment.Azurite);

        await StartAsync(withWorker: false);

        var created = new List<string>();
        await foreach (var table in tables.QueryAsync(t => t.Name == _hub.Name + "Instances" || t.Name == _hub.Name + "History", cancellationToken: Ct))
        {
            created.Add(table.Name);
        }

        Assert.Equal([_hub.Name + "History", _hub.Name + "Instances"], created.Order());
    }

    [Fact]
    public void TheSdksStatuses_AreDurableTaskCoresUnderTheSameNames()
    {
        foreach (var status in Enum.GetValues<CoreStatus>())
        {
            Assert.Equal(status.ToString(), AzureStorageDurableTaskClient.FromCore(status).ToString());
            Assert.Equal(status, AzureStorageDurableTaskClient.ToCore(AzureStorageDurableTaskClient.FromCore(status)));
        }
    }

    private async Task StartAsync(bool withWorker)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DurableTask:Storage"] = TestEnvironment.Azurite,
            ["DurableTask:HubName"] = _hub.Name,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddDurableTrackingClient();
        if (withWorker)
        {
            builder.Services.AddDurableTaskWorker(worker => worker
                .AddTasks(tasks => tasks.AddOrchestratorFunc<Greeting, string>(Greet, async (context, greeting) =>
                    string.Join(' ', Enumerable.Repeat(greeting!.Name, greeting.Times)) + await context.WaitForExternalEvent<string>(Go)))
                .UseBuildTarget<TaskHubWorkerService>());
        }

        _within.CancelAfter(Timeout);
        _host = builder.Build();
        await _host.StartAsync(Ct);
    }

    /// <summary>A wait on the task hub: no longer than <see cref="Timeout"/> from the test's start.</summary>
    private CancellationToken Within() => _within.Token;

    private Task StatusAsync(string id, OrchestrationRuntimeStatus status) =>
        Eventually.TrueAsync(async () => (await Client.GetInstanceAsync(id, Ct))?.RuntimeStatus == status, Timeout, $"{id} {status}");
}
