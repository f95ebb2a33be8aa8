using System.Diagnostics;
using FollowerLoop.Harness;
using FollowerLoop.Scheduling;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Worker.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace FollowerLoop.Tests.Engine;

/// <summary>`followerloop run` stopping while its durable store is gone: the host's shutdown timeout holds.</summary>
public sealed class WorkerShutdownTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task WithAzuriteGone_TheWorkerStopsWithinTheShutdownTimeout_SayingItLeftTheTaskHubWorker()
    {
        await using var azurite = new PrivateAzurite(RepoRoot.Path);
        await azurite.StartAsync(TestContext.Current.CancellationToken);
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Database:ConnectionString"] = db.ConnectionString,
            ["Redis:Configuration"] = TestEnvironment.Redis,
            ["Redis:KeyPrefix"] = $"t{Guid.NewGuid():N}",
            ["Account:Handle"] = Samples.Account,
            ["DurableTask:Storage"] = azurite.ConnectionString,
            ["DurableTask:HubName"] = "shutdown",
        };
        foreach (var (job, _) in new JobSchedules().All())
        {
            settings[$"Jobs:Schedules:{job}"] = "0 0 1 1 *";
        }

        await using var worker = WorkerApp.Build([], settings, builder => builder.Logging.AddFakeLogging());
        await worker.StartAsync(TestContext.Current.CancellationToken);
        // Let the worker take its partition: a lease it holds is what its stop must release.
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        await azurite.StopAsync();

        using var shutdown = new CancellationTokenSource(ShutdownTimeout);
        var stopping = Stopwatch.StartNew();
        // Without the bound, DurableTask's stop retries the lost storage for up to 10 minutes.
        await worker.StopAsync(shutdown.Token).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.InRange(stopping.Elapsed, TimeSpan.Zero, ShutdownTimeout + TimeSpan.FromSeconds(10));
        Assert.Contains(worker.Services.GetFakeLogCollector().GetSnapshot(), log => log.Id.Id == 9001 && log.Level == LogLevel.Warning);
    }
}
