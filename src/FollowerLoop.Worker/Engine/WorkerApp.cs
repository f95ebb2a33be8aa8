using FollowerLoop.Scheduling;
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
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null, Action<IHostApplicationBuilder>? customize = null) =>
        Build(CreateWorker(args, overrides, customize));

    /// <summary>The worker's builder (parameters as for <c>Build</c>), for a caller that validates its settings before building it.</summary>
    public static WebApplicationBuilder CreateWorker(string[] args, IReadOnlyDictionary<string, string?>? overrides = null, Action<IHostApplicationBuilder>? customize = null)
    {
        var builder = CreateBuilder(args, overrides);
        builder.AddXClient();
        builder.AddJobs();
        builder.AddDurableEngine().AddDashboardServices(trustLoopback: true);
        customize?.Invoke(builder);
        return builder;
    }

    /// <summary>
    /// The dashboards alone (<c>followerloop dashboard</c>): Postgres, Redis and the task hub's client, no job and
    /// no orchestration run here (in Azure the Functions app runs them; "run now" reaches it through the task hub).
    /// It needs no X credentials.
    /// </summary>
    public static WebApplication BuildDashboard(string[] args) => Build(CreateDashboard(args));

    /// <summary>The dashboards' builder (<see cref="BuildDashboard"/>), for a caller that validates its settings first.</summary>
    public static WebApplicationBuilder CreateDashboard(string[] args)
    {
        var builder = CreateBuilder(args, overrides: null);
        builder.AddJobs();
        builder.AddDurableTrackingClient().AddDashboardServices(trustLoopback: false);
        return builder;
    }

    /// <summary>The host and its endpoints (mapping the dashboards resolves their queries, and so the database).</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.MapHealth();
        app.MapDashboard();
        return app;
    }

    private static WebApplicationBuilder CreateBuilder(string[] args, IReadOnlyDictionary<string, string?>? overrides)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddFollowerLoopSources(args);
        BoundOptions.Register(builder.Services);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.AddFollowerLoopCore();
        return builder;
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
