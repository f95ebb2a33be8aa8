using System.Net.Http.Json;
using Dapper;
using FollowerLoop.Harness;
using FollowerLoop.Sandbox;
using FollowerLoop.Sandbox.World;
using FollowerLoop.Storage;
using FollowerLoop.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FollowerLoop.Bench.Faults;

/// <summary>
/// One fault's closed loop: a fresh database, the sandbox in this process, a task hub of its own on the bench's Azurite,
/// a key prefix of its own on the bench's Redis, and the real worker (<c>followerloop run</c>) as a child process the
/// fault may kill; all on one accelerated clock. Two posts are queued at the start (A due at once, B half an hour later).
/// </summary>
internal sealed class FaultRig : IAsyncDisposable
{
    public const string Handle = "fl_demo";
    private static readonly DateTimeOffset Epoch = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly string _session = Path.Combine(Path.GetTempPath(), $"fl-faults-session-{Guid.NewGuid():N}.json");
    private readonly FaultServices _services;
    private readonly List<ContentItem> _expected = [];
    private readonly string _redisPrefix = $"faults{Guid.NewGuid():N}";
    private readonly string _hubName = $"faults{Guid.NewGuid():N}"[..20];
    private WebApplication _sandbox = null!;
    private ChildProcess? _worker;

    private FaultRig(FaultServices services, NpgsqlDataSource dataSource, string connectionString, double factor)
    {
        _services = services;
        Database = dataSource;
        ConnectionString = connectionString;
        Clock = new AcceleratedTimeProvider(Epoch, DateTimeOffset.UtcNow.AddSeconds(1), factor);
    }

    public NpgsqlDataSource Database { get; }

    public string ConnectionString { get; }

    public AcceleratedTimeProvider Clock { get; }

    public FaultServices Services => _services;

    public SandboxWorld World => SandboxApp.GetWorld(_sandbox);

    /// <summary>The worker's whole output, across restarts.</summary>
    public string WorkerLog { get; } = Path.Combine(Path.GetTempPath(), $"fl-faults-worker-{Guid.NewGuid():N}.log");

    /// <summary>Post A: due at once.</summary>
    public ContentItem First => _expected[0];

    /// <summary>The items that must each end up posted exactly once.</summary>
    public IReadOnlyList<ContentItem> Expected => _expected;

    /// <summary>Items the loop must refuse (over-long, a duplicate of a post on X): none may reach X a second time.</summary>
    public List<ContentItem> Refused { get; } = [];

    public static async Task<FaultRig> StartAsync(FaultServices services, string name, double factor, CancellationToken cancellationToken)
    {
        var connectionString = await ScratchDatabase.RecreateAsync(services.PostgresConnectionString, "faults", cancellationToken);
        DateTimeOffsetHandler.Register();
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync(cancellationToken);
        var rig = new FaultRig(services, dataSource, connectionString, factor);
        rig._sandbox = SandboxApp.Build(new SandboxOptions
        {
            Urls = "http://127.0.0.1:0",
            Handle = Handle,
            Clock = SandboxClockMode.Accelerated,
            Factor = factor,
            Epoch = Epoch,
            RealStart = rig.Clock.RealStart,
        });
        await rig._sandbox.StartAsync(cancellationToken);
        await rig.QueueAsync($"{name}: most growth advice is survivorship bias with a ring light.", TimeSpan.Zero, cancellationToken);
        await rig.QueueAsync($"{name}: write the post you wish someone had sent you a year ago.", TimeSpan.FromMinutes(30), cancellationToken);
        return rig;
    }

    /// <summary>Queues an item due <paramref name="after"/> from now (virtual time), which must be posted once.</summary>
    public async Task<ContentItem> QueueAsync(string text, TimeSpan after, CancellationToken cancellationToken)
    {
        var item = Item(text, after);
        await new ContentStore(Database).EnqueueAsync(item, cancellationToken);
        _expected.Add(item);
        return item;
    }

    /// <summary>Queues an item the loop must refuse (stored straight into the queue, as a buggy planner or a person's edit would).</summary>
    public async Task<ContentItem> QueueRefusedAsync(string text, CancellationToken cancellationToken)
    {
        var item = Item(text, TimeSpan.Zero);
        await new ContentStore(Database).EnqueueAsync(item, cancellationToken);
        Refused.Add(item);
        return item;
    }

    public void StartWorker(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var environment = WorkerEnvironment();
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        _worker = ChildProcess.Worker(environment, outputLog: WorkerLog);
        _worker.Start();
    }

    public int? WorkerProcessId => _worker?.Id;

    public async Task<int?> WaitForWorkerExitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _worker is null ? null : await _worker.WaitForExitAsync(timeout, cancellationToken);

    /// <summary>Kills the worker and its browser at once (SIGKILL), as a crash or an OOM kill would.</summary>
    public async Task KillWorkerAsync()
    {
        if (_worker is not null)
        {
            await _worker.DisposeAsync();
            _worker = null;
        }
    }

    /// <summary>Makes the sandbox answer the next <paramref name="count"/> requests under <paramref name="pathPrefix"/> with a fault.</summary>
    public async Task FaultXAsync(SandboxFaultMode mode, int count, string pathPrefix, CancellationToken cancellationToken)
    {
        using var admin = Admin();
        using var response = await admin.PostAsJsonAsync("/admin/faults", new { mode = mode.ToString(), count, pathPrefix }, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>What Azurite killed before its autosave can lose: the task hub's queued messages (timers, starts, activities).</summary>
    public Task DropTaskHubMessagesAsync(CancellationToken cancellationToken) =>
        TaskHubQueues.DropMessagesAsync(_services.Azurite.ConnectionString, _hubName, cancellationToken);

    /// <summary>X ends every session, the worker's saved one too: its next read meets the login page.</summary>
    public async Task ExpireSessionsAsync(CancellationToken cancellationToken)
    {
        using var admin = Admin();
        using var response = await admin.PostAsync("/admin/sessions/expire", content: null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>What a person does about an expired session: <c>followerloop x login</c>, with the worker's settings, beside it.</summary>
    public async Task LogInAsync(CancellationToken cancellationToken)
    {
        var login = await ProcessRun.OfProgramAsync("FollowerLoop.Worker.dll", ["x", "login"], WorkerEnvironment(), TimeSpan.FromMinutes(2), cancellationToken);
        if (login.ExitCode != 0)
        {
            throw new InvalidOperationException($"followerloop x login exited {login.ExitCode}: {login.Error}{login.Output}");
        }
    }

    /// <summary>The recorded post of an item, once there is one.</summary>
    public async Task<PostRecord?> PostOfAsync(ContentItem item, CancellationToken cancellationToken) =>
        (await new PostStore(Database).GetPostedSinceAsync(Handle, DateTimeOffset.MinValue, cancellationToken)).FirstOrDefault(p => p.DecisionId == item.DecisionId);

    public async Task<PostRecord> WaitPostedAsync(ContentItem item, CancellationToken cancellationToken)
    {
        PostRecord? post = null;
        await Until.TrueAsync(async () => (post = await PostOfAsync(item, cancellationToken)) is not null, TimeSpan.FromMinutes(3), $"item {item.Text} posted; worker log {WorkerLog}", cancellationToken);
        return post!;
    }

    /// <summary>Whether the item's post has a measured row in both tracking tables for <paramref name="phase"/>.</summary>
    public async Task<bool> IsMeasuredAsync(ContentItem item, CheckpointPhase phase, CancellationToken cancellationToken)
    {
        if (await PostOfAsync(item, cancellationToken) is not { } post)
        {
            return false;
        }

        var tracking = new TrackingStore(Database);
        return (await tracking.GetVelocityAsync(post.TweetId, cancellationToken)).Any(r => r.Phase == phase.ToColumn() && r.Status == CheckpointStatus.Measured)
            && (await tracking.GetFollowersAsync(post.TweetId, cancellationToken)).Any(r => r.Phase == phase.ToColumn() && r.Status == CheckpointStatus.Measured);
    }

    public async Task<string?> StatusOfAsync(ContentItem item, CancellationToken cancellationToken) =>
        (await new ContentStore(Database).GetAsync(item.DecisionId, cancellationToken))?.Status;

    public async Task<string?> SentTweetIdOfAsync(ContentItem item, CancellationToken cancellationToken) =>
        (await new ContentStore(Database).GetAsync(item.DecisionId, cancellationToken))?.SentTweetId;

    /// <summary>Waits until the virtual clock reads <paramref name="at"/>.</summary>
    public Task AtAsync(DateTimeOffset at, CancellationToken cancellationToken) => Clock.DelayUntilAsync(at, cancellationToken);

    /// <summary>
    /// Waits until every expected item is posted and each post has a row for all six phases (measured or failed), or
    /// until 48 virtual hours after the last post and then <paramref name="grace"/> of real time have passed.
    /// </summary>
    public async Task SettleAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + grace + Clock.ToReal(CheckpointPhase.Hours48.Offset() + TimeSpan.FromHours(1));
        while (DateTimeOffset.UtcNow < deadline)
        {
            var (posted, rows) = await CountTrackedAsync(cancellationToken);
            if (posted == _expected.Count && rows == _expected.Count * CheckpointPhases.All.Count * 2)
            {
                return;
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private async Task<(int Posted, int Rows)> CountTrackedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<(int, int)>(new CommandDefinition(
            """
            select (select count(*)::int from posted_decisions),
                   (select count(*)::int from post_velocity_tracking) + (select count(*)::int from post_follower_tracking)
            """,
            cancellationToken: cancellationToken));
    }

    private HttpClient Admin()
    {
        var admin = new HttpClient { BaseAddress = SandboxApp.GetBaseAddress(_sandbox) };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", "sandbox-admin");
        return admin;
    }

    private ContentItem Item(string text, TimeSpan after) => new()
    {
        DecisionId = Guid.NewGuid(),
        Account = Handle,
        Kind = ContentKind.Post,
        Text = text,
        Format = "statement",
        Topic = "growth",
        Policy = "exploit",
        ScheduledFor = Clock.GetUtcNow() + after,
        ContentHash = ContentHash(text),
        CreatedAt = Clock.GetUtcNow(),
    };

    private static string ContentHash(string text) => FollowerLoop.Content.ContentHash.Of(Handle, text);

    /// <summary>The worker's settings: Posting, the reconciler and tracking run; every other job once a year.</summary>
    private Dictionary<string, string> WorkerEnvironment()
    {
        var environment = WorkerSettings.Base(ConnectionString, _services.Redis.Configuration, _redisPrefix, Handle, Clock, _hubName, "Posting");
        // The worker log is kept for a loss or a slow recovery: with the orchestrations' starts, retries and replacements.
        environment["Logging__LogLevel__FollowerLoop"] = "Information";
        environment["XClient__BaseUrl"] = SandboxApp.GetBaseAddress(_sandbox).ToString();
        environment["XClient__Username"] = Handle;
        environment["XClient__Password"] = "sandbox-password";
        environment["XClient__StorageStatePath"] = _session;
        environment["XClient__TypingDelay"] = "00:00:00.002";
        // A read a dead browser never answers fails after this (2 minutes in production, a day and a half of this clock).
        environment["XClient__OperationTimeout"] = "00:00:20";
        environment["DurableTask__Storage"] = _services.Azurite.ConnectionString;
        environment["Posting__MinSpacing"] = "00:00:00";
        environment["Tracking__RetryBaseDelay"] = "00:05:00";
        environment["Tracking__OverdueGrace"] = "00:00:10";
        // The shortest the bench's engine settings allow (30 s of queue visibility, a 10 s lease): an orchestration
        // whose wake-up Azurite lost at its kill is replaced within the recovery target.
        environment["Tracking__StuckAfter"] = "00:00:45";
        // Twelve virtual hours are twelve real seconds here, about what a person's `followerloop x login` (a process that
        // starts Chromium and logs in) takes on a busy machine: the longest wait, two days, is 48 s.
        environment["Tracking__LoginWait"] = "2.00:00:00";
        return environment;
    }

    public async ValueTask DisposeAsync()
    {
        await KillWorkerAsync();
        await _sandbox.DisposeAsync();
        await Database.DisposeAsync();
        File.Delete(_session);
    }
}
