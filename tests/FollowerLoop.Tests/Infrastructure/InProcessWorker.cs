using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using FollowerLoop.Content;
using FollowerLoop.Scheduling;
using FollowerLoop.Sandbox;
using FollowerLoop.Sandbox.World;
using FollowerLoop.Storage;
using FollowerLoop.Worker.Commands;
using FollowerLoop.Worker.Engine.Durable;
using FollowerLoop.X;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FollowerLoop.Tests.Infrastructure;

/// <summary>
/// The jobs' services in this process (no job runs on its own: tests call the jobs), with the real browser
/// client against a sandbox on the real clock (or one accelerated clock), and the Durable client on a task hub of
/// its own: Posting starts real tracking orchestrations there (no worker runs them).
/// </summary>
public sealed class InProcessWorker : IAsyncDisposable
{
    public const string Handle = "fl_demo";
    private readonly WebApplication _sandbox;
    private readonly string _session = Path.Combine(Path.GetTempPath(), $"fl-inproc-{Guid.NewGuid():N}.json");
    private readonly AzuriteTaskHub _hub = new();
    private IHost _host = null!;

    private InProcessWorker(WebApplication sandbox) => _sandbox = sandbox;

    public IServiceProvider Services => _host.Services;

    public SandboxWorld World => SandboxApp.GetWorld(_sandbox);

    /// <summary>The task hub where Posting and the reconciler start the posts' tracking orchestrations.</summary>
    public string TaskHubName => _hub.Name;

    /// <summary>The sandbox's address: its pages, its admin API and its X API v2 subset (<c>/2/*</c>).</summary>
    public Uri SandboxAddress => SandboxApp.GetBaseAddress(_sandbox);

    /// <param name="factor">Run the sandbox and the jobs on one accelerated clock this many times faster than real time; null for the real clock.</param>
    /// <param name="api">Reach X through the sandbox's X API (<c>XClient:Provider = Api</c>) instead of its pages.</param>
    /// <param name="postAnalytics">Whether the sandbox's API gives per-post follows (<see cref="SandboxOptions.PostAnalytics"/>).</param>
    /// <param name="stepped">The sandbox on a stepped clock the test moves (<c>World.Clock</c>); the worker's own clock stays real.</param>
    /// <param name="audienceFile">The sandbox's audience profile (the built-in one when null).</param>
    public static async Task<InProcessWorker> StartAsync(
        PostgresDatabase db, IReadOnlyDictionary<string, string?> settings, double? factor = null, bool api = false, bool postAnalytics = false, bool stepped = false, string? audienceFile = null)
    {
        var realStart = DateTimeOffset.UtcNow;
        var options = factor is { } f
            ? new SandboxOptions { Urls = "http://127.0.0.1:0", Handle = Handle, Clock = SandboxClockMode.Accelerated, Factor = f, Epoch = realStart, RealStart = realStart }
            : new SandboxOptions { Urls = "http://127.0.0.1:0", Handle = Handle, Clock = stepped ? SandboxClockMode.Stepped : SandboxClockMode.Real };
        options.PostAnalytics = postAnalytics;
        options.AudienceFile = audienceFile;
        var sandbox = SandboxApp.Build(options);
        await sandbox.StartAsync();
        var worker = new InProcessWorker(sandbox);
        // The provider decides which services AddXClient registers, so it is set before registration.
        var builder = HostFactory.CreateBuilder(b => b.AddFollowerLoopCore().AddXClient().AddJobs().AddDurableTrackingClient(), api ? ["--XClient:Provider=Api"] : null);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Account:Handle"] = Handle,
            ["Database:ConnectionString"] = db.ConnectionString,
            ["Redis:Configuration"] = TestEnvironment.Redis,
            ["Redis:KeyPrefix"] = $"t{Guid.NewGuid():N}",
            ["XClient:BaseUrl"] = SandboxApp.GetBaseAddress(sandbox).ToString(),
            ["XClient:Username"] = Handle,
            ["XClient:Password"] = "sandbox-password",
            ["XClient:StorageStatePath"] = worker._session,
            ["XClient:TypingDelay"] = "00:00:00.002",
            ["XClient:NavigationTimeout"] = "00:00:05",
            ["XClient:ElementTimeout"] = "00:00:02",
            ["DurableTask:Storage"] = TestEnvironment.Azurite,
            ["DurableTask:HubName"] = worker._hub.Name,
        });
        if (api)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["XApi:BaseUrl"] = SandboxApp.GetBaseAddress(sandbox).ToString(),
                ["XApi:OAuth2:AccessToken"] = "sandbox-api-token",
                ["XApi:OAuth2:RefreshToken"] = "unused-refresh-token",
                ["XApi:OAuth2:ClientId"] = "followerloop-tests",
                ["XApi:OAuth2:TokenStorePath"] = worker._session + ".token",
            });
        }

        if (factor is { } accelerated)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Clock:Mode"] = "Accelerated",
                ["Clock:Factor"] = accelerated.ToString(CultureInfo.InvariantCulture),
                ["Clock:Epoch"] = realStart.ToString("O"),
                ["Clock:RealStart"] = realStart.ToString("O"),
            });
        }

        builder.Configuration.AddInMemoryCollection(settings);
        worker._host = builder.Build();
        await worker._host.StartAsync();
        return worker;
    }

    /// <summary>A post made on the sandbox and recorded as FollowerLoop's (with its features, as Plan records them), with no tracking scheduled.</summary>
    public async Task<PostRecord> PostDirectlyAsync(PostgresDatabase db, string text)
    {
        var item = Samples.Content(text) with { Account = Handle, Features = JsonSerializer.Serialize(ContentFeatures.Of(text)) };
        await new ContentStore(db.DataSource).EnqueueAsync(item, CancellationToken.None);
        var onX = World.Publish(text);
        var post = new PostRecord(item.DecisionId, onX.Id, Handle, onX.PostedAt, null);
        await new PostStore(db.DataSource).RecordPostedAsync(post, onX.PostedAt, CancellationToken.None);
        return post;
    }

    /// <summary>Makes the next requests under the account's pages fail with a sandbox fault mode.</summary>
    public Task FaultAccountPagesAsync(string mode) => FaultAsync(mode, $"/{Handle}");

    /// <summary>Makes the next requests under <paramref name="pathPrefix"/> (x.com's GraphQL is under <c>/i/api/graphql</c>) fail with a sandbox fault mode.</summary>
    public async Task FaultAsync(string mode, string pathPrefix)
    {
        using var admin = Admin();
        using var response = await admin.PostAsJsonAsync("/admin/faults", new { mode, count = 1000, pathPrefix });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Drops every queued fault.</summary>
    public async Task ClearFaultsAsync()
    {
        using var admin = Admin();
        using var response = await admin.DeleteAsync("/admin/faults");
        response.EnsureSuccessStatusCode();
    }

    private HttpClient Admin()
    {
        var admin = new HttpClient { BaseAddress = SandboxApp.GetBaseAddress(_sandbox) };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", "sandbox-admin");
        return admin;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        await _hub.DisposeAsync();
        await _sandbox.DisposeAsync();
        File.Delete(_session);
        File.Delete(_session + ".token");
    }
}
