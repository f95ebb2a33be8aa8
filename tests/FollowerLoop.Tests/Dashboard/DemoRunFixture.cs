using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dapper;
using FollowerLoop.Sandbox;
using FollowerLoop.Storage;
using FollowerLoop.Jobs;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Tracking;
using FollowerLoop.Worker.Engine;
using Microsoft.DurableTask.Worker.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace FollowerLoop.Tests.Dashboard;

/// <summary>
/// A short demo run for the dashboard tests: the real worker (the Durable engine on Azurite, the Playwright X client) and the
/// sandbox on one fast accelerated clock track six posts through their 48 hours (one posted through the
/// browser, whose checkpoint reads are faulted so a phase fails), attribution and Learn run, then a
/// seventh post goes out and is left mid-tracking. The engine is then frozen (the worker restarted
/// without its background services) so the pages and the database hold still while the tests compare them.
/// </summary>
public sealed class DemoRunFixture : IAsyncLifetime
{
    public const string Handle = "fl_dash";
    // 48 virtual hours in 29 s; a checkpoint may then run up to 70 s late and still be attributed (Attribution
    // looks back 7 virtual days), which a 2-core machine running the other test projects needs.
    private const double Factor = 6_000;
    private const string Never = "0 0 1 1 *";
    private static readonly DateTimeOffset Epoch = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
    // Generous: the wait ends as soon as the posts are done, and a loaded 2-core machine can take minutes.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(240);

    private readonly PostgresDatabase _database = new();
    private readonly AzuriteTaskHub _hub = new();
    private readonly string _session = Path.Combine(Path.GetTempPath(), $"fl-dashboard-session-{Guid.NewGuid():N}.json");
    private readonly SandboxOptions _sandboxOptions;
    private readonly DateTimeOffset _realStart = DateTimeOffset.UtcNow.AddSeconds(1);
    private WebApplication? _sandbox;
    private WebApplication? _worker;
    private IPlaywright? _playwright;

    public DemoRunFixture()
    {
        _sandboxOptions = new SandboxOptions
        {
            Urls = "http://127.0.0.1:0",
            Handle = Handle,
            AdminToken = $"admin-{Guid.NewGuid():N}",
            Clock = SandboxClockMode.Accelerated,
            Factor = Factor,
            Epoch = Epoch,
            RealStart = _realStart,
        };
    }

    public Npgsql.NpgsqlDataSource DataSource => _database.DataSource;

    /// <summary>The worker's own address: its dashboards.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The post still being tracked when the engine was frozen.</summary>
    public string LatePostId { get; private set; } = "";

    /// <summary>Where the tests leave their screenshots.</summary>
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        _sandbox = SandboxApp.Build(_sandboxOptions);
        await _sandbox.StartAsync();
        _worker = WorkerApp.Build([], WorkerSettings(SandboxApp.GetBaseAddress(_sandbox)));
        await _worker.StartAsync();
        BaseAddress = new Uri(_worker.Urls.First());

        var browserPost = await WaitPostedAsync((await QueueAsync(0)).DecisionId);
        await FailNextReadsAsync(browserPost);
        for (var i = 1; i < 6; i++)
        {
            await PublishAsync(i);
        }

        await Eventually.TrueAsync(FirstPostsDoneAsync, Timeout, "six posts tracked through 48h and attributed");
        LatePostId = await PublishAsync(6);
        await Eventually.TrueAsync(
            async () => await ScalarAsync<int>("select count(*)::int from post_velocity_tracking where post_id = @LatePostId and collection_phase = 'baseline'", new { LatePostId }) == 1,
            Timeout,
            "the late post's baseline");

        await FreezeEngineAsync();
        await EnsureModelVersionsAsync();
        await EnsurePatternsAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_worker is not null)
        {
            await _worker.DisposeAsync();
        }

        await _hub.DisposeAsync();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        await _database.DisposeAsync();
        File.Delete(_session);
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException($"no value for: {sql}");
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<T>(sql, parameters)).AsList();
    }

    private Dictionary<string, string?> WorkerSettings(Uri sandbox) => new()
    {
        ["urls"] = "http://127.0.0.1:0",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Database:ConnectionString"] = _database.ConnectionString,
        ["Redis:Configuration"] = TestEnvironment.Redis,
        ["Redis:KeyPrefix"] = $"t{Guid.NewGuid():N}",
        ["Account:Handle"] = Handle,
        ["Clock:Mode"] = "Accelerated",
        ["Clock:Factor"] = Factor.ToString(CultureInfo.InvariantCulture),
        ["Clock:Epoch"] = Epoch.ToString("O"),
        ["Clock:RealStart"] = _realStart.ToString("O"),
        ["XClient:BaseUrl"] = sandbox.ToString(),
        ["XClient:Handle"] = Handle,
        ["XClient:Username"] = Handle,
        ["XClient:Password"] = _sandboxOptions.Password,
        ["XClient:StorageStatePath"] = _session,
        ["XClient:TypingDelay"] = "00:00:00.002",
        ["DurableTask:Storage"] = TestEnvironment.Azurite,
        ["DurableTask:HubName"] = _hub.Name,
        // On this clock an hour passes in 0.6 s: the jobs under test run every hour or three, the rest never.
        ["Jobs:Schedules:Posting"] = "0 * * * *",
        ["Jobs:Schedules:DataCollection"] = "0 */3 * * *",
        ["Jobs:Schedules:Attribution"] = "10 * * * *",
        ["Jobs:Schedules:Outcomes"] = "15 * * * *",
        ["Jobs:Schedules:Learn"] = "20 * * * *",
        ["Jobs:Schedules:TrackingReconciler"] = Never,
        ["Jobs:Schedules:Plan"] = Never,
        ["Jobs:Schedules:Reply"] = Never,
        ["Jobs:Schedules:Analytics"] = Never,
        ["Jobs:Schedules:Strategy"] = Never,
        ["Jobs:Schedules:ViralThread"] = Never,
        ["Jobs:Schedules:Followers"] = Never,
        ["Posting:MinSpacing"] = "00:00:00",
        ["Posting:DailyPostCap"] = "20",
        ["Tracking:MaxAttempts"] = "1",
        ["Tracking:RetryBaseDelay"] = "00:10:00",
    };

    private DateTimeOffset Now => _worker!.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>Queues item <paramref name="n"/> for the posting job, due now.</summary>
    private async Task<ContentItem> QueueAsync(int n)
    {
        var item = Item(n, Now);
        await _worker!.Services.GetRequiredService<ContentStore>().EnqueueAsync(item, CancellationToken.None);
        return item;
    }

    /// <summary>
    /// Puts item <paramref name="n"/> on the sandbox and records it as the posting job does after a post,
    /// tracking started through the engine's scheduler: the browser's typing is the slow part of a run,
    /// and one post goes through it already.
    /// </summary>
    private async Task<string> PublishAsync(int n)
    {
        var now = Now;
        var item = Item(n, now + TimeSpan.FromDays(30));
        await _worker!.Services.GetRequiredService<ContentStore>().EnqueueAsync(item, CancellationToken.None);
        var onX = SandboxApp.GetWorld(_sandbox!).Publish(item.Text);
        var post = new PostRecord(item.DecisionId, onX.Id, Handle, now, TrackingScheduledAt: null);
        await _worker.Services.GetRequiredService<PostStore>().RecordPostedAsync(post, now, CancellationToken.None);
        await _worker.Services.GetRequiredService<ICheckpointScheduler>().StartTrackingAsync(post, new HashSet<CheckpointPhase>(), CancellationToken.None);
        return onX.Id;
    }

    /// <summary>Two formats, topics and hooks in groups of three, so Learn has effects to report.</summary>
    private static ContentItem Item(int n, DateTimeOffset scheduledFor)
    {
        var (format, topic, hook) = n % 2 == 0 ? ("list", "ai", "number") : ("story", "coding", "story");
        var text = n % 2 == 0
            ? $"{n + 3} things I check before shipping an AI feature:\n1. evals\n2. costs\n3. fallbacks"
            : $"Last year I spent {n + 2} months rewriting our build. It changed how I think about coding.";
        return Samples.Content(text, scheduledFor) with { Account = Handle, Format = format, Topic = topic, Hook = hook, CreatedAt = scheduledFor };
    }

    private async Task<string> WaitPostedAsync(Guid decisionId)
    {
        string? postId = null;
        await Eventually.TrueAsync(
            async () => (postId = (await QueryAsync<string>("select tweet_id from posted_decisions where decision_id = @decisionId", new { decisionId })).SingleOrDefault()) is not null,
            Timeout,
            $"item {decisionId} to be posted");
        return postId!;
    }

    /// <summary>The post's page answers x.com's 500 to the next reads, so a checkpoint fails after its last attempt.</summary>
    private async Task FailNextReadsAsync(string postId)
    {
        using var admin = new HttpClient { BaseAddress = SandboxApp.GetBaseAddress(_sandbox!) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _sandboxOptions.AdminToken);
        using var response = await admin.PostAsJsonAsync("/admin/faults", new { mode = "error", pathPrefix = $"/{Handle}/status/{postId}", count = 2 });
        response.EnsureSuccessStatusCode();
    }

    private async Task<bool> FirstPostsDoneAsync() =>
        await ScalarAsync<bool>(
            """
            select (select count(*) from (select post_id from post_velocity_tracking group by post_id having count(*) = 6) done) = 6
               and (select count(*) from post_attribution where method = 'naive') = 6
            """);

    /// <summary>
    /// Stops the worker (gracefully: running jobs finish) and starts it again without its engine (the timer jobs
    /// and the orchestration worker; the task hub's client stays): the same pages over data that no longer moves, on a clock that goes on from the same moment at real speed, so what was pending
    /// stays pending while the tests look.
    /// </summary>
    private async Task FreezeEngineAsync()
    {
        var settings = WorkerSettings(SandboxApp.GetBaseAddress(_sandbox!));
        settings["Clock:Epoch"] = Now.ToString("O");
        settings["Clock:RealStart"] = DateTimeOffset.UtcNow.ToString("O");
        settings["Clock:Factor"] = "1";
        await _worker!.StopAsync();
        await _worker.DisposeAsync();
        _worker = WorkerApp.Build([], settings, builder =>
        {
            foreach (var engine in builder.Services.Where(IsEngineService).ToList())
            {
                builder.Services.Remove(engine);
            }
        });
        await _worker.StartAsync();
        BaseAddress = new Uri(_worker.Urls.First());
    }

    private static bool IsEngineService(ServiceDescriptor service) =>
        service.ServiceType == typeof(IHostedService)
        && (service.ImplementationType == typeof(TimerJobRunner)
            || service.ImplementationFactory?.Method.DeclaringType?.Assembly == typeof(DurableTaskWorker).Assembly);

    /// <summary>The Learn job trains models only from enough finished posts; two versions stand in when this short run has none.</summary>
    private async Task EnsureModelVersionsAsync()
    {
        if (await ScalarAsync<int>("select count(*)::int from ml_models") > 0)
        {
            return;
        }

        var models = new ModelStore(DataSource);
        StoredModel? last = null;
        foreach (var (mae, rows) in new[] { (6.4, 5), (4.9, 7) })
        {
            last = await models.SaveAsync(new StoredModel
            {
                Account = Handle,
                Kind = "gain",
                Model = [1, 2, 3],
                Trainer = "test stand-in",
                TrainingRows = rows,
                Metrics = $$"""{"mae": {{mae.ToString(CultureInfo.InvariantCulture)}}, "bar": "mean", "bar_mae": 7.5, "holdout_rows": 2}""",
                TrainedAt = Epoch.AddDays(2),
            }, CancellationToken.None);
        }

        await models.ActivateAsync(last!.Id, Epoch.AddDays(2), CancellationToken.None);
    }

    /// <summary>Six posts may be too few for Learn to find a pattern; the learning page needs some to show.</summary>
    private async Task EnsurePatternsAsync()
    {
        if (await ScalarAsync<bool>("select exists (select 1 from learned_patterns where is_current)"))
        {
            return;
        }

        LearnedPattern Pattern(string category, string finding, double effect, int n) => new()
        {
            Account = Handle, Category = category, Finding = finding, EffectSize = effect,
            CiLow = effect - 1.5, CiHigh = effect + 1.5, SampleSize = n, CreatedAt = Epoch.AddDays(2),
        };
        await new PatternStore(DataSource).ReplaceCurrentAsync(
            Handle,
            [Pattern("format", "list: +2.0 followers per post vs other formats (test stand-in)", 2.0, 3), Pattern("topic", "ai: -1.0 followers per post vs other topics (test stand-in)", -1.0, 3)],
            CancellationToken.None);
    }
}
