using FollowerLoop.X.Parsing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace FollowerLoop.X.Browser;

/// <summary>
/// The logged-in X session, kept as Playwright storage state (cookies, local storage) in
/// <see cref="XClientOptions.StorageStatePath"/>: logged in once (or given as a secret), then reused
/// by every context. Never logged: it is the login.
/// </summary>
public sealed class XSession
{
    private const string UsernameInput = "input[name=\"text\"]";
    private const string PasswordInput = "input[name=\"password\"]";
    private const string LoginButton = "[data-testid=\"LoginForm_Login_Button\"]";

    // The home timeline of a logged-in account, language-free: its composer, which x.com shows only to a logged-in account.
    private const string HomeTimeline = "[data-testid=\"primaryColumn\"] [data-testid=\"tweetTextarea_0\"]";

    private readonly BrowserHost _browser;
    private readonly XClientOptions _options;
    private readonly ILogger<XSession> _logger;
    private readonly SemaphoreSlim _loginGate = new(1, 1);
    // Renewed cookies are saved back at most this often: often enough to outlive any cookie, rarely enough to cost nothing.
    private static readonly TimeSpan SaveBackInterval = TimeSpan.FromMinutes(1);

    private bool _givenSessionWritten;
    private string? _lastSaved;
    private long _lastSaveBackTicks = long.MinValue / 2;
    private int _version;

    public XSession(BrowserHost browser, IOptions<XClientOptions> options, ILogger<XSession> logger)
    {
        _browser = browser;
        _options = options.Value;
        _logger = logger;
        StorageStatePath = Path.GetFullPath(_options.StorageStatePath);
    }

    public string StorageStatePath { get; }

    /// <summary>Goes up with each new login or given session: a context made from an older one must be made again.</summary>
    public int Version => Volatile.Read(ref _version);

    /// <summary>True for x.com's login flow (<c>/i/flow/login</c>, <c>/login</c>): where X sends a browser that is not logged in.</summary>
    public static bool IsLoginPage(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.AbsolutePath.StartsWith("/i/flow/login", StringComparison.Ordinal) || uri.AbsolutePath == "/login");

    /// <summary>
    /// The saved session's path: the one given in <see cref="XClientOptions.SessionStateJson"/> (written
    /// there once), else the file already saved, else a new login with the configured credentials.
    /// </summary>
    public async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(StorageStatePath) && (_givenSessionWritten || string.IsNullOrEmpty(_options.SessionStateJson)))
        {
            return StorageStatePath;
        }

        await _loginGate.WaitAsync(cancellationToken);
        try
        {
            if (!_givenSessionWritten && !string.IsNullOrEmpty(_options.SessionStateJson))
            {
                await SaveAsync(_options.SessionStateJson, cancellationToken);
                _givenSessionWritten = true;
                Interlocked.Increment(ref _version);
            }
            else if (!File.Exists(StorageStatePath))
            {
                if (string.IsNullOrEmpty(_options.Username))
                {
                    throw XClientErrors.NoSession(StorageStatePath);
                }

                await LogInAndSaveAsync(cancellationToken);
            }

            return StorageStatePath;
        }
        finally
        {
            _loginGate.Release();
        }
    }

    /// <summary>
    /// Logs in afresh and saves the session, replacing any saved one. Fills the configured
    /// credentials when there are any; with a visible browser a person can also type them, or
    /// finish extra steps, within <see cref="XClientOptions.LoginTimeout"/>.
    /// </summary>
    public async Task LoginAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(_options.Username) && _browser.Headless)
        {
            throw XClientErrors.CannotLogIn();
        }

        await _loginGate.WaitAsync(cancellationToken);
        try
        {
            await LogInAndSaveAsync(cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw XClientErrors.TimedOut("login", ex);
        }
        catch (PlaywrightException ex)
        {
            throw XClientErrors.BrowserFailed("login", ex);
        }
        finally
        {
            _loginGate.Release();
        }
    }

    private async Task LogInAndSaveAsync(CancellationToken cancellationToken)
    {
        Log.LoggingIn(_logger, _options.BaseUrl, _options.Username ?? "(typed by a person)");
        await using var context = await _browser.NewContextAsync(storageStatePath: null, _options, cancellationToken);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_options.BaseUrl, "/i/flow/login").ToString());
        if (!string.IsNullOrEmpty(_options.Username))
        {
            await FillCredentialsAsync(page, _options.Username, _options.Password ?? "");
        }

        await WaitForHomeTimelineAsync(page);
        await SaveAsync(await context.StorageStateAsync(), cancellationToken);
        Interlocked.Increment(ref _version);
    }

    /// <summary>
    /// Saves the cookies of a context that has just been used back to the session file: x.com renews them as pages
    /// load, and a session only ever read from the file would age out on the date of its first login.
    /// </summary>
    public async Task SaveBackAsync(IBrowserContext context, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastSaveBackTicks) < (long)SaveBackInterval.TotalMilliseconds)
        {
            return;
        }

        Interlocked.Exchange(ref _lastSaveBackTicks, now);
        var state = await context.StorageStateAsync();
        await _loginGate.WaitAsync(cancellationToken);
        try
        {
            if (state != _lastSaved)
            {
                await SaveAsync(state, cancellationToken);
            }
        }
        finally
        {
            _loginGate.Release();
        }
    }

    /// <summary>
    /// A login counts only once the home timeline really loads: a challenge (unusual activity, a code) or a locked
    /// account also leaves the login page, and a session saved there would be a wall. Headless, a challenge fails
    /// at once; in a visible browser a person may answer it within <see cref="XClientOptions.LoginTimeout"/>.
    /// </summary>
    private async Task WaitForHomeTimelineAsync(IPage page)
    {
        var timeout = (float)_options.LoginTimeout.TotalMilliseconds;
        var homeOrChallenge = page.Locator($"{HomeTimeline}, {PageErrors.ChallengeInput}").First;
        try
        {
            await homeOrChallenge.WaitForAsync(new LocatorWaitForOptions { Timeout = timeout });
            if (!await page.Locator(HomeTimeline).First.IsVisibleAsync())
            {
                if (_browser.Headless)
                {
                    throw XClientErrors.LoginChallenge("the login");
                }

                Log.LoginChallengeShown(_logger);
                await page.Locator(HomeTimeline).First.WaitForAsync(new LocatorWaitForOptions { Timeout = timeout });
            }
        }
        catch (TimeoutException)
        {
            throw PageErrors.KindOfPath(page.Url) switch
            {
                XErrorKind.Locked => XClientErrors.Locked("the login"),
                XErrorKind.LoginChallenge => XClientErrors.LoginChallenge("the login"),
                _ => XClientErrors.LoginFailed(_options.BaseUrl, _options.LoginTimeout),
            };
        }
    }

    /// <summary>x.com asks for the username, then (after Enter) the password; a one-page form has both at once.</summary>
    private static async Task FillCredentialsAsync(IPage page, string username, string password)
    {
        await page.Locator(UsernameInput).FillAsync(username);
        var passwordInput = page.Locator(PasswordInput);
        if (!await passwordInput.IsVisibleAsync())
        {
            await page.Locator(UsernameInput).PressAsync("Enter");
        }

        await passwordInput.FillAsync(password);
        await page.Locator(LoginButton).ClickAsync();
    }

    /// <summary>Written to a temporary file only the owner can read, then moved, so a reader never sees half a session.</summary>
    private async Task SaveAsync(string storageState, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(StorageStatePath)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(StorageStatePath)}.{Guid.NewGuid():N}.tmp");
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new StreamWriter(temporary, System.Text.Encoding.UTF8, fileOptions))
        {
            await file.WriteAsync(storageState.AsMemory(), cancellationToken);
        }

        File.Move(temporary, StorageStatePath, overwrite: true);
        _lastSaved = storageState;
        Log.SessionSaved(_logger, StorageStatePath);
    }
}
