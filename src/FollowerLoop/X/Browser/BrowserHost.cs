using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace FollowerLoop.X.Browser;

/// <summary>
/// The one long-lived Chromium (Debian's, through Playwright), launched on first use and again if
/// it died. The X client keeps one context (cookies, pages) of it per session, made again when the browser died.
/// </summary>
public sealed class BrowserHost : IAsyncDisposable, IDisposable
{
    /// <summary>The closed network would otherwise be flooded by Chromium's background calls.</summary>
    private static readonly string[] QuietArgs = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>Not needed to read or post, and the heaviest part of x.com's pages.</summary>
    private static readonly HashSet<string> BlockedResourceTypes = new(StringComparer.Ordinal) { "image", "font", "media" };

    private readonly BrowserOptions _options;
    private readonly ILogger<BrowserHost> _logger;
    private readonly SemaphoreSlim _launchGate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserHost(IOptions<BrowserOptions> options, ILogger<BrowserHost> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>False when the browser shows its window, so a person can act in it (finish a login).</summary>
    public bool Headless => _options.Headless;

    /// <summary>
    /// A fresh context: en-US (x.com's labels are localised), heavy resources blocked, the saved
    /// session when given, and the caller's <paramref name="timeouts"/> (clients sharing the browser may differ).
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(string? storageStatePath, XClientOptions timeouts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeouts);
        var browser = await GetBrowserAsync(cancellationToken);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US",
            StorageStatePath = storageStatePath,
            ViewportSize = new ViewportSize { Width = 1280, Height = 1000 },
            ServiceWorkers = ServiceWorkerPolicy.Block,
        }).WaitAsync(cancellationToken);
        context.SetDefaultTimeout((float)timeouts.ElementTimeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)timeouts.NavigationTimeout.TotalMilliseconds);
        await context.RouteAsync("**/*", route =>
            BlockedResourceTypes.Contains(route.Request.ResourceType) ? route.AbortAsync() : route.ContinueAsync());
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
        _launchGate.Dispose();
    }

    /// <summary>For hosts disposed synchronously; Playwright has only an asynchronous close.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal async Task<IBrowser> GetBrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }

        await _launchGate.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } launched)
            {
                return launched;
            }

            if (_browser is not null)
            {
                Log.BrowserRelaunching(_logger);
                await _browser.DisposeAsync();
            }

            _playwright ??= await CreatePlaywrightAsync();
            _browser = await _playwright.Chromium.LaunchAsync(LaunchOptions(_options, RunsAsRoot));
            Log.BrowserLaunched(_logger, _browser.Version, _options.ExecutablePath);
            return _browser;
        }
        finally
        {
            _launchGate.Release();
        }
    }

    /// <summary>Whether this process runs as root (uid 0), where Chromium cannot start with its sandbox.</summary>
    public static bool RunsAsRoot => Environment.UserName == "root";

    /// <summary>
    /// Chromium's launch: its own sandbox on unless <paramref name="asRoot"/> (Playwright adds --no-sandbox when it is
    /// off); a page that breaks out of the renderer then meets the operating system's walls too.
    /// </summary>
    public static BrowserTypeLaunchOptions LaunchOptions(BrowserOptions options, bool asRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new BrowserTypeLaunchOptions
        {
            ExecutablePath = options.ExecutablePath,
            Headless = options.Headless,
            ChromiumSandbox = !asRoot,
            Args = QuietArgs,
            Timeout = (float)options.LaunchTimeout.TotalMilliseconds,
        };
    }

    private static async Task<IPlaywright> CreatePlaywrightAsync()
    {
        try
        {
            return await Playwright.CreateAsync();
        }
        catch (PlaywrightException ex)
        {
            throw new XClientException(
                $"Playwright's driver (the .playwright folder) is missing next to the program ({ex.Message}): build with the property PlaywrightPlatform=linux-x64 (the driver only; the browser stays Debian's).",
                isRetryable: false,
                ex);
        }
    }
}
