using DurableTask.AzureStorage;
using FollowerLoop.Cache;
using FollowerLoop.Scheduling;
using FollowerLoop.Storage;
using FollowerLoop.Worker.Dashboard;
using FollowerLoop.Worker.Engine;
using FollowerLoop.Worker.Engine.Durable;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Bench.Dashboard;

/// <summary>
/// The worker's dashboard pages alone, on a loopback port, with the worker's services (Redis is only connected
/// to when first used, and no page uses it) and a client of a task hub of its own (the timeline reads the post's
/// orchestration from it; Azurite unless <c>DurableTask__Storage</c> says otherwise), but no timer jobs, Durable
/// worker or browser, so the timings are the pages' own. The task hub is deleted on dispose.
/// </summary>
internal sealed class DashboardHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardHost(WebApplication app) => _app = app;

    /// <summary>Where the pages answer: after start the listen address holds the port the OS picked.</summary>
    public Uri Address => new(_app.Urls.First());

    public static async Task<DashboardHost> StartAsync(string connectionString, string redis, string account, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            [$"{DatabaseOptions.SectionName}:ConnectionString"] = connectionString,
            [$"{RedisOptions.SectionName}:Configuration"] = redis,
            [$"{AccountOptions.SectionName}:Handle"] = account,
            // A task hub per run: left behind, its tables would slow every later scan of Azurite's.
            [$"{DurableEngineOptions.SectionName}:HubName"] = $"bench{Guid.NewGuid():N}"[..20],
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddFollowerLoopCore();
        builder.AddJobs();
        // The pages are loaded from loopback, as on a workstation.
        builder.AddDurableTrackingClient().AddDashboardServices(trustLoopback: true);
        var app = builder.Build();
        app.MapDashboard();
        var host = new DashboardHost(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            // The task hub may have been created before another service failed to start.
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.Services.GetRequiredService<AzureStorageOrchestrationService>().DeleteAsync();
        await _app.DisposeAsync();
    }
}
