using System.Diagnostics;
using System.Globalization;
using DurableTask.AzureStorage;
using FollowerLoop.Costs;
using FollowerLoop.Sandbox;
using FollowerLoop.Storage;
using FollowerLoop.Time;
using FollowerLoop.Worker.Commands;
using FollowerLoop.Worker.Engine;
using FollowerLoop.X.Api;
using Npgsql;

namespace FollowerLoop.Demo;

/// <summary>
/// The sandbox and the worker in one process on one accelerated clock: the worker plans, posts and
/// tracks against the sandbox until enough posts have finished their 48 hours, then prints a summary.
/// </summary>
internal static class DemoRunner
{
    private const string Handle = "fl_demo";
    private static readonly DateTimeOffset Epoch = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);

    /// <summary>How long the clock may stand at one reading; a loaded machine's slowest checkpoint took a few seconds.</summary>
    private static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(DemoSettings settings, string connectionString, CancellationToken cancellationToken)
    {
        var demoDatabase = await ScratchDatabase.RecreateAsync(connectionString, "demo", cancellationToken);
        var realStart = DateTimeOffset.UtcNow.AddSeconds(2);
        var sessionFile = Path.Combine(Path.GetTempPath(), $"followerloop-demo-{Environment.ProcessId}.json");
        var sandboxOptions = new SandboxOptions
        {
            Urls = "http://127.0.0.1:0",
            Handle = Handle,
            AudienceSeed = settings.AudienceSeed,
            Clock = SandboxClockMode.Accelerated,
            Factor = settings.Factor,
            Epoch = Epoch,
            RealStart = realStart,
        };
        // One clock for both, so that the pacer can hold it at a reading's due moment for the sandbox and the worker alike.
        var clock = new AcceleratedTimeProvider(Epoch, realStart, settings.Factor);
        await using var sandbox = SandboxApp.Build(sandboxOptions, clock);
        await sandbox.StartAsync(cancellationToken);
        var sandboxUrl = SandboxApp.GetBaseAddress(sandbox);

        await using var worker = WorkerApp.Build(
            [],
            WorkerSettings(settings, demoDatabase, sandboxUrl, sandboxOptions, realStart, sessionFile),
            builder => builder.Services.AddSingleton<TimeProvider>(clock));
        await worker.Services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        await using var pacer = new DemoPacer(clock, SandboxApp.GetWorld(sandbox), worker.Services.GetRequiredService<NpgsqlDataSource>(), MaxHold);
        await worker.StartAsync(cancellationToken);
        Console.WriteLine($"sandbox: {sandboxUrl}  worker dashboard: {settings.DashboardUrl}/dashboard  X transport: {settings.Provider}  clock: {settings.Factor:0}x from {Epoch:u}");

        var dataSource = worker.Services.GetRequiredService<NpgsqlDataSource>();
        var world = SandboxApp.GetWorld(sandbox);
        var wall = Stopwatch.StartNew();
        var progress = await WaitForPostsAsync(settings, worker, dataSource, world.Clock, wall, cancellationToken);

        var ok = await DemoSummary.PrintAsync(dataSource, world, settings, pacer.GivenUp, wall.Elapsed, cancellationToken);
        pacer.ReleaseAll();
        var virtualNow = world.Clock.GetUtcNow();
        Console.WriteLine();
        await ReportSpendSection.WriteAsync(worker.Services.GetRequiredService<XApiSpendQuery>(), Handle, virtualNow - TimeSpan.FromDays(7), virtualNow, Console.Out, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"The demo's database and clock (virtual) afterwards: followerloop report --database {new NpgsqlConnectionStringBuilder(demoDatabase).Database} --until {virtualNow:yyyy-MM-ddTHH:mm:ssZ}"));
        if (!ok)
        {
            Console.WriteLine($"Only {progress.Complete} of {settings.Posts} posts finished their 48h within {settings.Timeout}.");
        }

        if (settings.Keep)
        {
            Console.WriteLine($"--keep: dashboards stay up ({settings.DashboardUrl}/dashboard, sandbox {sandboxUrl}); Ctrl+C to stop.");
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await worker.StopAsync(CancellationToken.None);
        // Each demo has a task hub of its own: left behind, its history would slow every later scan of Azurite's tables.
        await worker.Services.GetRequiredService<AzureStorageOrchestrationService>().DeleteAsync();

        await sandbox.StopAsync(CancellationToken.None);
        File.Delete(sessionFile);
        File.Delete(TokenFile(sessionFile));
        return ok ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static async Task<DemoProgress> WaitForPostsAsync(
        DemoSettings settings, WebApplication worker, NpgsqlDataSource dataSource, TimeProvider clock, Stopwatch wall, CancellationToken cancellationToken)
    {
        var stopped = false;
        while (true)
        {
            var progress = await DemoProgress.ReadAsync(dataSource, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{wall.Elapsed:mm\\:ss}] virtual {clock.GetUtcNow():ddd HH:mm}  posted {progress.Posted}  complete {progress.Complete}/{settings.Posts}  checkpoints {progress.Measured} measured, {progress.Failed} failed  queued {progress.Queued}"));
            if (!stopped && progress.Posted >= settings.Posts)
            {
                // Enough posts are out: flip the kill switch (read live by Posting) and let tracking finish.
                worker.Configuration["Posting:Enabled"] = "false";
                ((IConfigurationRoot)worker.Configuration).Reload();
                stopped = true;
            }

            if ((stopped && progress.Complete >= progress.Posted) || wall.Elapsed > settings.Timeout)
            {
                return progress;
            }

            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        }
    }

    private static string TokenFile(string sessionFile) => Path.ChangeExtension(sessionFile, ".token.json");

    private static Dictionary<string, string?> WorkerSettings(
        DemoSettings settings, string database, Uri sandboxUrl, SandboxOptions sandbox, DateTimeOffset realStart, string sessionFile)
    {
        var all = CommonSettings(settings, database, sandboxUrl, sandbox, realStart, sessionFile);
        if (settings.Provider != XClientProvider.Browser)
        {
            // The sandbox's X API takes its own token: nothing here is a real credential.
            all["XClient:Provider"] = settings.Provider.ToString();
            all["XApi:BaseUrl"] = sandboxUrl.ToString();
            all["XApi:OAuth2:AccessToken"] = sandbox.ApiToken;
            all["XApi:OAuth2:RefreshToken"] = "sandbox-refresh-unused";
            all["XApi:OAuth2:ClientId"] = "followerloop-demo";
            all["XApi:OAuth2:TokenStorePath"] = TokenFile(sessionFile);
            // The sandbox bills nothing: its 12,400 followers' first full pass (about 12 USD at X's price) may run.
            // Over the browser it would be some 600 page loads, so there the cap stays and the pass is skipped, logged.
            all["Followers:MaxFullPassUsd"] = "20";
        }

        return all;
    }

    private static Dictionary<string, string?> CommonSettings(
        DemoSettings settings, string database, Uri sandboxUrl, SandboxOptions sandbox, DateTimeOffset realStart, string sessionFile) => new()
    {
        ["urls"] = settings.DashboardUrl,
        ["Logging:LogLevel:Default"] = "Warning",
        ["Database:ConnectionString"] = database,
        ["Redis:KeyPrefix"] = $"followerloop-demo-{Environment.ProcessId}",
        ["Account:Handle"] = Handle,
        ["Clock:Mode"] = "Accelerated",
        ["Clock:Factor"] = settings.Factor.ToString(CultureInfo.InvariantCulture),
        ["Clock:Epoch"] = Epoch.ToString("O"),
        ["Clock:RealStart"] = realStart.ToString("O"),
        ["XClient:BaseUrl"] = sandboxUrl.ToString(),
        ["XClient:Handle"] = Handle,
        ["XClient:Username"] = Handle,
        ["XClient:Password"] = sandbox.Password,
        ["XClient:StorageStatePath"] = sessionFile,
        ["Posting:DailyPostCap"] = "30",
        ["Posting:MinSpacing"] = "00:30:00",
        ["Plan:Spacing"] = "00:40:00",
        ["Jobs:Schedules:Plan"] = "0 * * * *",
        ["Jobs:Schedules:Reply"] = "30 */8 * * *",
        // The demo runs the whole loop unattended: its template replies (no LLM) go out without review.
        ["Reply:Mode"] = "Auto",
        ["Jobs:Schedules:Analytics"] = "15 */4 * * *",
        ["Jobs:Schedules:ViralThread"] = "0 20 * * *",
        ["Tracking:RetryBaseDelay"] = "00:10:00",
        ["XClient:TypingDelay"] = "00:00:00.002",
        // A task hub of its own per run: the demo's database is new each time, so old orchestrations must not resume.
        ["DurableTask:HubName"] = $"demo{realStart:yyyyMMddHHmmss}",
    };
}
