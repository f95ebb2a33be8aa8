using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace FollowerLoop.X.Browser;

/// <summary>
/// The account's one long-lived browser context (its saved session) and its pages, reused read after read: a warm read
/// skips making a context and a page and their first requests. A page serves one operation at a time, at most
/// <see cref="XClientOptions.MaxPages"/> at once. A page an operation left unsure (it failed or was cancelled) is closed
/// rather than reused; a closed page or a context whose browser died is replaced, and a new login starts a new context.
/// A context replaced while other operations still run on it is closed after the last of them, not under them.
/// </summary>
internal sealed class WarmPages : IAsyncDisposable
{
    private readonly BrowserHost _browser;
    private readonly XSession _session;
    private readonly XClientOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _pages;
    private readonly SemaphoreSlim _contextGate = new(1, 1);
    private readonly Lock _idleLock = new();
    private readonly Stack<IPage> _idle = new();
    // Operations running on each context, and the replaced contexts left to close when their last operation ends.
    private readonly Dictionary<IBrowserContext, int> _users = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<IBrowserContext> _retired = new(ReferenceEqualityComparer.Instance);
    private IBrowserContext? _context;
    private int _contextSessionVersion;
    private bool _stale;

    public WarmPages(BrowserHost browser, XSession session, XClientOptions options, ILogger logger)
    {
        _browser = browser;
        _session = session;
        _options = options;
        _logger = logger;
        _pages = new SemaphoreSlim(options.MaxPages, options.MaxPages);
    }

    /// <summary>Runs <paramref name="operation"/> on a warm page of the session's context.</summary>
    public async Task<T> WithPageAsync<T>(Func<IPage, IBrowserContext, Task<T>> operation, CancellationToken cancellationToken)
    {
        await _pages.WaitAsync(cancellationToken);
        IBrowserContext? context = null;
        IPage? page = null;
        var reusable = false;
        try
        {
            context = await EnterContextAsync(cancellationToken);
            page = TakeIdle(context) ?? await NewPageAsync(context, cancellationToken);
            var result = await operation(page, context);
            reusable = true;
            return result;
        }
        catch (XClientException ex) when (ex.NeedsLogin)
        {
            // The session on file may be replaced meanwhile (`followerloop x login` in another process): read it again next time.
            _stale = true;
            throw;
        }
        finally
        {
            await ReturnAsync(page, reusable);
            await LeaveAsync(context);
            _pages.Release();
        }
    }

    /// <summary>Forgets the contexts and their pages (a test's or a host's shutdown; the next operation makes them again).</summary>
    public async ValueTask DisposeAsync()
    {
        await _contextGate.WaitAsync();
        try
        {
            await CloseContextAsync();
            List<IBrowserContext> retired;
            lock (_idleLock)
            {
                retired = [.. _retired];
                _retired.Clear();
            }

            foreach (var context in retired)
            {
                await CloseBoundedAsync(() => context.CloseAsync(), "context");
            }
        }
        finally
        {
            _contextGate.Release();
        }
    }

    /// <summary>The session's context, counted as in use until <see cref="LeaveAsync"/>: counted under the gate, so it cannot be closed between.</summary>
    private async Task<IBrowserContext> EnterContextAsync(CancellationToken cancellationToken)
    {
        var storageState = await _session.EnsureAsync(cancellationToken);
        await _contextGate.WaitAsync(cancellationToken);
        try
        {
            if (_context is not { Browser.IsConnected: true } || _stale || _contextSessionVersion != _session.Version)
            {
                await CloseContextAsync();
                _contextSessionVersion = _session.Version;
                _stale = false;
                _context = await _browser.NewContextAsync(storageState, _options, cancellationToken);
                Log.WarmContextOpened(_logger, _session.StorageStatePath);
            }

            lock (_idleLock)
            {
                _users[_context] = _users.GetValueOrDefault(_context) + 1;
            }

            return _context;
        }
        finally
        {
            _contextGate.Release();
        }
    }

    private async Task<IPage> NewPageAsync(IBrowserContext context, CancellationToken cancellationToken)
    {
        var page = await context.NewPageAsync().WaitAsync(cancellationToken);
        BrowserMetrics.Watch(page, _options.BaseUrl);
        return page;
    }

    private IPage? TakeIdle(IBrowserContext context)
    {
        lock (_idleLock)
        {
            while (_idle.TryPop(out var page))
            {
                if (!page.IsClosed && ReferenceEquals(page.Context, context))
                {
                    return page;
                }
            }

            return null;
        }
    }

    private async Task ReturnAsync(IPage? page, bool reusable)
    {
        if (page is null)
        {
            return;
        }

        if (reusable && !page.IsClosed && ReferenceEquals(page.Context, _context))
        {
            lock (_idleLock)
            {
                _idle.Push(page);
            }

            return;
        }

        await CloseBoundedAsync(() => page.CloseAsync(), "page");
    }

    private async Task LeaveAsync(IBrowserContext? context)
    {
        if (context is null)
        {
            return;
        }

        bool close;
        lock (_idleLock)
        {
            var users = _users[context] - 1;
            if (users > 0)
            {
                _users[context] = users;
                return;
            }

            _users.Remove(context);
            close = _retired.Remove(context);
        }

        if (close)
        {
            await CloseBoundedAsync(() => context.CloseAsync(), "context");
        }
    }

    /// <summary>Drops the current context: closed now, or retired until the operations still on it end.</summary>
    private async Task CloseContextAsync()
    {
        IBrowserContext? closeNow = null;
        lock (_idleLock)
        {
            _idle.Clear();
            if (_context is { } context)
            {
                _context = null;
                if (_users.ContainsKey(context))
                {
                    _retired.Add(context);
                }
                else
                {
                    closeNow = context;
                }
            }
        }

        if (closeNow is not null)
        {
            await CloseBoundedAsync(() => closeNow.CloseAsync(), "context");
        }
    }

    /// <summary>Bounded: a page or context closed mid-step, or on a dead browser, may never answer.</summary>
    private async Task CloseBoundedAsync(Func<Task> close, string what)
    {
        try
        {
            await close().WaitAsync(_options.ElementTimeout);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            Log.ContextCloseFailed(_logger, $"{what}: {ex.Message}");
        }
    }
}
