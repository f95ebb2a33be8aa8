using System.Globalization;
using FollowerLoop.Harness;
using FollowerLoop.Sandbox;
using FollowerLoop.Sandbox.World;
using FollowerLoop.Storage;
using FollowerLoop.Time;
using Microsoft.AspNetCore.Builder;

namespace FollowerLoop.Tests.Infrastructure;

/// <summary>
/// The closed loop for engine tests: a fresh database, the sandbox in this process, a task hub of its own on
/// Azurite, and the worker as a separate process, both on one accelerated clock (so 48 virtual hours pass in <see cref="Factor"/>ths).
/// </summary>
public sealed class LoopRig : IAsyncDisposable
{
    public const double Factor = 2400;
    private const string Handle = "fl_demo";
    private static readonly DateTimeOffset Epoch = new(2026, 2, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly string _session = Path.Combine(Path.GetTempPath(), $"fl-test-session-{Guid.NewGuid():N}.json");
    private readonly AzuriteTaskHub _hub = new();
    private WebApplication _sandbox = null!;

    private LoopRig(PostgresDatabase db)
    {
        Database = db;
        var realStart = DateTimeOffset.UtcNow.AddSeconds(1);
        Clock = new AcceleratedTimeProvider(Epoch, realStart, Factor);
        SandboxOptions = new SandboxOptions
        {
            Urls = "http://127.0.0.1:0",
            Handle = Handle,
            Clock = SandboxClockMode.Accelerated,
            Factor = Factor,
            Epoch = Epoch,
            RealStart = realStart,
        };
    }

    public PostgresDatabase Database { get; }

    public AcceleratedTimeProvider Clock { get; }

    public SandboxOptions SandboxOptions { get; }

    public SandboxWorld World => SandboxApp.GetWorld(_sandbox);

    public string Account => Handle;

    public Uri SandboxBaseAddress => SandboxApp.GetBaseAddress(_sandbox);

    public static async Task<LoopRig> StartAsync(PostgresDatabase db)
    {
        var rig = new LoopRig(db);
        rig._sandbox = SandboxApp.Build(rig.SandboxOptions);
        await rig._sandbox.StartAsync();
        return rig;
    }

    /// <summary>The worker's settings: everything but the recurring jobs under test is scheduled once a year.</summary>
    public Dictionary<string, string> WorkerEnvironment(string redis)
    {
        const string Never = "0 0 1 1 *";
        return new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Database__ConnectionString"] = Database.ConnectionString,
            ["Redis__Configuration"] = redis,
            ["Redis__KeyPrefix"] = $"t{Guid.NewGuid():N}",
            ["Account__Handle"] = Handle,
            ["Clock__Mode"] = "Accelerated",
            ["Clock__Factor"] = Factor.ToString(CultureInfo.InvariantCulture),
            ["Clock__Epoch"] = Epoch.ToString("O"),
            ["Clock__RealStart"] = Clock.RealStart.ToString("O"),
            ["XClient__BaseUrl"] = SandboxBaseAddress.ToString(),
            ["XClient__Handle"] = Handle,
            ["XClient__Username"] = Handle,
            ["XClient__Password"] = SandboxOptions.Password,
            ["XClient__StorageStatePath"] = _session,
            ["XClient__TypingDelay"] = "00:00:00.002",
            ["DurableTask__Storage"] = TestEnvironment.Azurite,
            ["DurableTask__HubName"] = _hub.Name,
            // Work cut off by a kill runs again after this (the minimum allowed): the crash tests wait for it.
            ["DurableTask__WorkItemQueueVisibilityTimeout"] = "00:00:30",
            ["DurableTask__ControlQueueVisibilityTimeout"] = "00:00:30",
            ["Jobs__Schedules__Plan"] = Never,
            ["Jobs__Schedules__Reply"] = Never,
            ["Jobs__Schedules__ViralThread"] = Never,
            ["Jobs__Schedules__Followers"] = Never,
            ["Jobs__Schedules__Analytics"] = Never,
            ["Jobs__Schedules__DataCollection"] = Never,
            ["Jobs__Schedules__Attribution"] = Never,
            ["Jobs__Schedules__Outcomes"] = Never,
            ["Jobs__Schedules__Learn"] = Never,
            ["Jobs__Schedules__Strategy"] = Never,
            ["Posting__MinSpacing"] = "00:00:00",
            ["Tracking__RetryBaseDelay"] = "00:05:00",
            // The least allowed: a worker killed between claiming a post's tracking and scheduling it leaves
            // the reconciler's sweep to run the phases once this far past due (real time).
            ["Tracking__OverdueGrace"] = "00:00:10",
        };
    }

    /// <summary>Queues a post due now (virtual time).</summary>
    public async Task<ContentItem> QueueAsync(string text)
    {
        var item = Samples.Content(text, Clock.GetUtcNow()) with { Account = Handle, CreatedAt = Clock.GetUtcNow() };
        await new ContentStore(Database.DataSource).EnqueueAsync(item, CancellationToken.None);
        return item;
    }

    public async Task<IReadOnlyList<VelocityCheckpoint>> VelocityAsync(string postId) =>
        await new TrackingStore(Database.DataSource).GetVelocityAsync(postId, CancellationToken.None);

    public async Task<IReadOnlyList<FollowerCheckpoint>> FollowersAsync(string postId) =>
        await new TrackingStore(Database.DataSource).GetFollowersAsync(postId, CancellationToken.None);

    /// <summary>Waits until the post has a measured row for all six phases in both tracking tables.</summary>
    public async Task WaitForAllPhasesAsync(string postId, ChildProcess worker, TimeSpan timeout) =>
        await Eventually.TrueAsync(
            async () => (await VelocityAsync(postId)).Count(r => r.Status == CheckpointStatus.Measured) == 6
                && (await FollowersAsync(postId)).Count(r => r.Status == CheckpointStatus.Measured) == 6,
            timeout,
            $"all six phases of post {postId}; worker said:{Environment.NewLine}{worker.Tail}");

    public async ValueTask DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        await _hub.DisposeAsync();
        File.Delete(_session);
    }
}
