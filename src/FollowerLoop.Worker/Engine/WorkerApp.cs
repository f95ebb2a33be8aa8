using FollowerLoop.Jobs;
using FollowerLoop.Storage;
using FollowerLoop.Worker.Configuration;
using FollowerLoop.Worker.Dashboard;
using FollowerLoop.Worker.Engine.Durable;
using FollowerLoop.X;

namespace FollowerLoop.Worker.Engine;

/// <summary>The long-running worker: every timer job, a Durable orchestration per post, the dashboards, the health probe.</summary>
internal static class WorkerApp
{
    /// <param name="args">Command-line settings.</param>
    /// <param name="overrides">Settings that win over every other source (the demo points the worker at its sandbox).</param>
    /// <param name="customize">Last changes to the services (the tracking benchmark swaps the X client).</param>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null, Action<IHostApplicationBuilder>? customize = null)
    {
        var builder = CreateBuilder(args, overrides);
        builder.AddXClient();
        builder.AddJobs();
        builder.AddDurableEngine().AddDashboardServices(trustLoopback: true);
        customize?.Invoke(builder);
        return Map(builder.Build());
    }

    /// <summary>
    /// The dashboards alone (<c>followerloop dashboard</c>): Postgres, Redis and the task hub's client, no job and
    /// no orchestration run here (in Azure the Functions app runs them; "run now" reaches it through the task hub).
    /// It needs no X credentials.
    /// </summary>
    public static WebApplication BuildDashboard(string[] args)
    {
        var builder = CreateBuilder(args, overrides: null);
        builder.AddJobs();
        builder.AddDurableTrackingClient().AddDashboardServices(trustLoopback: false);
        return Map(builder.Build());
    }

    private static WebApplicationBuilder CreateBuilder(string[] args, IReadOnlyDictionary<string, string?>? overrides)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddFollowerLoopSources(args);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.AddFollowerLoopCore();
        return builder;
    }

    private static WebApplication Map(WebApplication app)
    {
        app.MapHealth();
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
