using System.Net;
using Dapper;
using FollowerLoop.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace FollowerLoop.Tests.Dashboard;

/// <summary>
/// The dashboard alone (as deployed, trusting loopback) on a database of its own that a test fills, its account in
/// Europe/Berlin (so local hours differ from UTC), and headless Chromium at 1280×800: the size a creator's laptop shows.
/// </summary>
public sealed class DashboardBrowser : IAsyncLifetime
{
    public const string Account = "fl_pages";
    public const string TimeZone = "Europe/Berlin";
    public const int Width = 1280;
    public const int Height = 800;

    private readonly AzuriteTaskHub _hub = new();
    private readonly List<IBrowserContext> _contexts = [];
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public PostgresDatabase Database { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        // A Redis prefix of its own: the content hashes an edit remembers must not outlive the database they came from.
        _app = DashboardPages.App(Database, Account, _hub, "--Dashboard:TrustLoopback=true", $"--Account:TimeZone={TimeZone}", $"--Redis:KeyPrefix=t{Guid.NewGuid():N}");
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Opens a page at 1280×800 and saves it as a full-page screenshot named <paramref name="screenshot"/>.</summary>
    public async Task<IPage> OpenAsync(string path, string screenshot)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = Width, Height = Height } });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(new Uri(BaseAddress, path).ToString());
        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        await ScreenshotAsync(page, screenshot);
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoRunFixture.ScreenshotDirectory, $"{name}.png"), FullPage = true });

    /// <summary>
    /// The page needs no horizontal scrolling, and every element <paramref name="selectors"/> match lies across the
    /// viewport's width (a clipped or pushed-out number fails).
    /// </summary>
    public static async Task AssertFitsAsync(IPage page, params string[] selectors)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        Assert.True(scroll <= client, $"{page.Url}: the page is {scroll} px wide in a {client} px viewport");
        foreach (var selector in selectors)
        {
            var elements = await page.Locator(selector).AllAsync();
            Assert.True(elements.Count > 0, $"{page.Url}: nothing matches {selector}");
            foreach (var element in elements)
            {
                var box = await element.BoundingBoxAsync();
                Assert.True(box is not null, $"{page.Url}: {selector} is not shown");
                Assert.True(box.X >= 0 && box.X + box.Width <= client + 0.5, $"{page.Url}: {selector} spans x {box.X:0}–{box.X + box.Width:0}, outside 0–{client}");
            }
        }
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: TestContext.Current.CancellationToken))
            ?? throw new InvalidOperationException($"no value: {sql}");
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: TestContext.Current.CancellationToken))).AsList();
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await _hub.DisposeAsync();
        await Database.DisposeAsync();
    }
}
