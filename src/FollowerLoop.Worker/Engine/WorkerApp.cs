using FollowerLoop.Jobs;
using FollowerLoop.Storage;
using FollowerLoop.Worker.Configuration;
using FollowerLoop.Worker.Dashboard;
using FollowerLoop.Worker.Engine.Durable;
using FollowerLoop.X;

namespace FollowerLoop.Worker.Engine;

/// <summary>The long-running worker: every job on the chosen engine, the dashboards, the health probe.</summary>
internal static class WorkerApp
{
    /// <param name="args">Command-line settings.</param>
    /// <param name="engine">The Durable engine on Azurite, or Hangfire.</param>
    /// <param name="overrides">Settings that win over every other source (the demo points the worker at its sandbox).</param>
    /// <param name="customize">Last changes to the services (the tracking benchmark swaps the X client).</param>
    public static WebApplication Build(string[] args, JobEngine engine, IReadOnlyDictionary<string, string?>? overrides = null, Action<IHostApplicationBuilder>? customize = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddFollowerLoopSources(args);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.AddFollowerLoopCore();
        builder.AddXClient();
        builder.AddJobs();
        if (engine == JobEngine.Durable)
        {
            builder.AddDurableEngine().AddDashboardServices();
        }
        else
        {
            builder.AddHangfireRecurringJobs().AddJobEngine();
        }

        customize?.Invoke(builder);
        var app = builder.Build();
        if (engine == JobEngine.Durable)
        {
            app.MapHealth();
        }
        else
        {
            app.MapEngineEndpoints();
        }

        app.MapDashboard();
        return app;
    }

    /// <summary>Refuses to run jobs against a database that lacks migrations: the message says what to run.</summary>
    public static async Task<string?> CheckSchemaAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var pending = await services.GetRequiredService<MigrationRunner>().GetPendingAsync(cancellationToken);
        return pending.Count == 0
            ? null
            : $"The database lacks migration(s) {string.Join(", ", pending)}: run `followerloop migrate` (or `supabase db push`) first.";
    }
}
