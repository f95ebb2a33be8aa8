using System.Globalization;
using System.Net;
using Dapper;
using FollowerLoop.Scheduling;
using FollowerLoop.Sandbox;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Tracking;
using FollowerLoop.Worker.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FollowerLoop.Tests.Dashboard;

/// <summary>
/// The jobs page and the timeline's orchestration controls on a live worker (the Durable engine on Azurite, the
/// sandbox's X API, the real clock, no job on a schedule): what a person clicks really runs, and a POST without
/// the page's antiforgery token changes nothing.
/// </summary>
public sealed class JobsPageTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const string Handle = "fl_jobs";
    private const string Never = "0 0 1 1 *";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly AzuriteTaskHub _hub = new();
    private readonly string _token = Path.Combine(Path.GetTempPath(), $"fl-jobs-token-{Guid.NewGuid():N}.json");
    private WebApplication _sandbox = null!;
    private WebApplication _worker = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _sandbox = SandboxApp.Build(new SandboxOptions { Urls = "http://127.0.0.1:0", Handle = Handle, Clock = SandboxClockMode.Real });
        await _sandbox.StartAsync();
        var sandbox = SandboxApp.GetBaseAddress(_sandbox).ToString();
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Database:ConnectionString"] = db.ConnectionString,
            ["Redis:Configuration"] = TestEnvironment.Redis,
            ["Redis:KeyPrefix"] = $"t{Guid.NewGuid():N}",
            ["Account:Handle"] = Handle,
            ["XClient:Provider"] = "Api",
            ["XClient:Handle"] = Handle,
            ["XClient:BaseUrl"] = sandbox,
            ["XApi:BaseUrl"] = sandbox,
            ["XApi:OAuth2:AccessToken"] = new SandboxOptions().ApiToken,
            ["XApi:OAuth2:RefreshToken"] = "unused-refresh-token",
            ["XApi:OAuth2:ClientId"] = "followerloop-tests",
            ["XApi:OAuth2:TokenStorePath"] = _token,
            ["DurableTask:Storage"] = TestEnvironment.Azurite,
            ["DurableTask:HubName"] = _hub.Name,
        };
        foreach (var (job, _) in new JobSchedules().All())
        {
            settings[$"Jobs:Schedules:{job}"] = Never;
        }

        _worker = WorkerApp.Build([], settings);
        await _worker.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    private Uri BaseAddress => new(_worker.Urls.First());

    [Fact]
    public async Task JobsPage_ListsEveryTimerJob_AndRunNowRunsItThroughTheTaskHub_RecordedAsAManualRun()
    {
        var page = await OpenAsync("/dashboard/jobs");
        var jobs = new JobSchedules().All();
        Assert.Equal(jobs.Count, await page.Locator("table.jobs > tbody > tr").CountAsync());
        var row = page.Locator("tr[data-job='DataCollection']");
        Assert.Equal(Never, await row.Locator("code").InnerTextAsync());
        Assert.StartsWith($"{DateTimeOffset.UtcNow.Year + 1}-01-01 00:00", await row.Locator("td").Nth(2).InnerTextAsync(), StringComparison.Ordinal);

        await row.Locator("form.run-now button").ClickAsync();

        Assert.Contains("DataCollection started", await page.Locator("p.notice.done").InnerTextAsync(), StringComparison.Ordinal);
        await Eventually.TrueAsync(
            async () =>
            {
                await page.ReloadAsync();
                return await page.Locator("tr[data-job='DataCollection'] tr[data-trigger='manual'][data-result='succeeded']").CountAsync() == 1;
            },
            Timeout,
            "the manual DataCollection run on the jobs page");
        await using var connection = await db.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*)::int from account_snapshots where account = @Handle and followers is not null", new { Handle }));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoRunFixture.ScreenshotDirectory, "jobs.png"), FullPage = true });
    }

    [Fact]
    public async Task StateChangingPosts_WithoutThePagesAntiforgeryToken_AreRefusedAndChangeNothing()
    {
        var page = await OpenAsync("/dashboard/jobs");
        var post = await PostAndTrackAsync("Antiforgery: a form from elsewhere must not terminate anything.");

        foreach (var path in new[] { "/dashboard/jobs/Plan/run", "/dashboard/jobs/purge", $"/dashboard/posts/{post}/tracking/terminate", $"/dashboard/posts/{post}/tracking/restart" })
        {
            // The browser's own cookies, but a form without the token (or with a forged one): what a cross-site form sends.
            var response = await page.APIRequest.PostAsync(new Uri(BaseAddress, path).ToString(), new APIRequestContextOptions
            {
                Form = page.APIRequest.CreateFormData().Set("__RequestVerificationToken", "forged").Set("days", "1"),
                MaxRedirects = 0,
            });
            Assert.Equal((int)HttpStatusCode.BadRequest, response.Status);
            Assert.Contains("antiforgery token missing or wrong", await response.TextAsync(), StringComparison.Ordinal);
        }

        await using var connection = await db.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*)::int from job_runs where job = 'Plan'"));
        // Not terminated: it goes on to run (a loaded machine may still show it Pending when the page first loads).
        await WaitForStatusAsync(await OpenAsync($"/dashboard/posts/{post}"), "Running");
    }

    [Fact]
    public async Task Timeline_TerminatesAndRestartsThePostsTrackingOrchestration()
    {
        var post = await PostAndTrackAsync("Terminate and restart: the orchestration is the post's tracking.");
        var page = await OpenAsync($"/dashboard/posts/{post}");
        await WaitForStatusAsync(page, "Running");

        await page.Locator("form.terminate button").ClickAsync();
        Assert.Contains("Terminated", await page.Locator("p.notice.done").InnerTextAsync(), StringComparison.Ordinal);
        await WaitForStatusAsync(page, "Terminated");
        Assert.Equal(0, await page.Locator("form.terminate").CountAsync());

        await page.Locator("form.restart button").ClickAsync();
        Assert.Contains("Restarted", await page.Locator("p.notice.done").InnerTextAsync(), StringComparison.Ordinal);
        await WaitForStatusAsync(page, "Running");
        // The new instance waits on its timer for the first phase with no result.
        await Eventually.TrueAsync(
            async () =>
            {
                await page.ReloadAsync();
                return await page.Locator("section.orchestration tr[data-step='timer'][data-state='waiting']").CountAsync() == 1;
            },
            Timeout,
            "the restarted orchestration's timer");
        Assert.Contains("\"Next\":\"2h\"", await page.Locator("[data-custom-status]").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A post on the sandbox, recorded and tracked as Posting does it; returns its id.</summary>
    private async Task<string> PostAndTrackAsync(string text)
    {
        var item = Samples.Content(text) with { Account = Handle };
        await _worker.Services.GetRequiredService<ContentStore>().EnqueueAsync(item, CancellationToken.None);
        var onX = SandboxApp.GetWorld(_sandbox).Publish(text);
        var post = new PostRecord(item.DecisionId, onX.Id, Handle, onX.PostedAt, TrackingScheduledAt: null);
        await _worker.Services.GetRequiredService<PostStore>().RecordPostedAsync(post, onX.PostedAt, CancellationToken.None);
        await _worker.Services.GetRequiredService<ICheckpointScheduler>().StartTrackingAsync(post, new HashSet<CheckpointPhase>(), CancellationToken.None);
        return onX.Id;
    }

    private static Task WaitForStatusAsync(IPage page, string status) =>
        Eventually.TrueAsync(
            async () =>
            {
                await page.ReloadAsync();
                return await page.Locator("section.orchestration").GetAttributeAsync("data-orchestration") == status;
            },
            Timeout,
            $"the orchestration to be {status}");

    private async Task<IPage> OpenAsync(string path)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 1000 } });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(new Uri(BaseAddress, path).ToString());
        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        // Stopped first: disposing alone would leave its Durable Task worker polling the deleted task hub for the rest of the run.
        await _worker.StopAsync();
        await _worker.DisposeAsync();
        await _hub.DisposeAsync();
        await _sandbox.DisposeAsync();
        File.Delete(_token);
    }
}
