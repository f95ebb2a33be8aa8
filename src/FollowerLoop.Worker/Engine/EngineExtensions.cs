using FollowerLoop.Jobs;
using FollowerLoop.Storage;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Worker.Engine;

internal static class EngineExtensions
{
    /// <summary>
    /// Hangfire on the same Postgres (schema <c>hangfire</c>), tuned for on-time checkpoints: 1 s
    /// schedule polling, a sliding invisibility timeout of minutes (not Hangfire's 30), and two servers
    /// so checkpoints have workers of their own.
    /// </summary>
    public static IHostApplicationBuilder AddJobEngine(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHangfire((sp, configuration) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseFilter(new XUsageJobFilter())
                .UsePostgreSqlStorage(
                    options => options.UseNpgsqlConnection(database.ConnectionString),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = "hangfire",
                        PrepareSchemaIfNecessary = true,
                        QueuePollInterval = jobs.QueuePollInterval,
                        InvisibilityTimeout = jobs.InvisibilityTimeout,
                        UseSlidingInvisibilityTimeout = true,
                        DistributedLockTimeout = jobs.DistributedLockTimeout,
                    });
        });

        builder.Services.AddHangfireServer((sp, server) =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            server.ServerName = $"{Environment.MachineName}:checkpoints:{Environment.ProcessId}";
            server.Queues = [JobQueues.Checkpoints];
            server.WorkerCount = jobs.CheckpointWorkers;
            server.SchedulePollingInterval = jobs.SchedulePollingInterval;
        });
        builder.Services.AddHangfireServer((sp, server) =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            server.ServerName = $"{Environment.MachineName}:default:{Environment.ProcessId}";
            server.Queues = [JobQueues.Default];
            server.WorkerCount = jobs.DefaultWorkers;
            server.SchedulePollingInterval = jobs.SchedulePollingInterval;
        });

        return builder.AddDashboardServices();
    }

    /// <summary>What FollowerLoop's own dashboards need, whichever engine runs the jobs.</summary>
    public static IHostApplicationBuilder AddDashboardServices(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<DashboardOptions>(builder.Configuration.GetSection(DashboardOptions.SectionName));
        // The dashboard's state-changing forms (reply drafts) carry a token bound to the visitor's cookie.
        builder.Services.AddAntiforgery();
        return builder;
    }

    /// <summary>The Hangfire dashboard at /hangfire and the health probe at /healthz.</summary>
    public static WebApplication MapEngineEndpoints(this WebApplication app)
    {
        var dashboard = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value;
        app.UseHangfireDashboard("/hangfire", new Hangfire.DashboardOptions
        {
            Authorization = [new HangfireDashboardAuthorization(dashboard)],
            DashboardTitle = "FollowerLoop jobs",
            DisplayStorageConnectionString = false,
        });
        return app.MapHealth();
    }

    /// <summary>The health probe at /healthz: the database answers.</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", async (Npgsql.NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return Results.Ok(new { status = "ok" });
        });
        return app;
    }
}
