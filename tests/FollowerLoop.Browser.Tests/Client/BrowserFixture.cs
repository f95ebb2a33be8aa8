using FollowerLoop.Sandbox.World;
using FollowerLoop.X;
using FollowerLoop.X.Browser;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

[assembly: AssemblyFixture(typeof(FollowerLoop.Browser.Tests.Client.BrowserFixture))]

// Browser tests share one sandbox, one browser and its fault queue: run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace FollowerLoop.Browser.Tests.Client;

/// <summary>
/// One sandbox and one headless Chromium for the whole assembly, a saved logged-in session, and
/// a few posts with twelve hours of engagement. Each client call opens its own browser context.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("followerloop-browser-tests-").FullName;
    private readonly List<PlaywrightXClient> _clients = [];

    public SandboxServer Sandbox { get; private set; } = null!;

    public BrowserHost Browser { get; private set; } = null!;

    /// <summary>The saved session every client reuses; logged in once when the fixture starts.</summary>
    public string SessionPath => Path.Combine(_directory, "session.json");

    /// <summary>A post of the account with twelve hours of engagement.</summary>
    public SandboxPost SeasonedPost { get; private set; } = null!;

    /// <summary>The account's own reply under <see cref="SeasonedPost"/>: its page shows the parent above it.</summary>
    public SandboxPost SeasonedReply { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Sandbox = await SandboxServer.StartAsync();
        Browser = new BrowserHost(Options.Create(new BrowserOptions()), NullLogger<BrowserHost>.Instance);
        SeasonedPost = Sandbox.World.Publish("How we cut our build time from 14 minutes to 90 seconds: a thread on caching, test sharding and saying no.");
        SeasonedReply = Sandbox.World.Publish("The biggest win was the cache: 70% of it.", SeasonedPost.Id);
        await Sandbox.AdvanceClockAsync(TimeSpan.FromHours(12));
        // The run's first pages, in a cold Chromium against a cold sandbox: on a clean CI clone, right after the
        // build, this login once took longer than the 10 s the tests give a login.
        await CreateSession(Sandbox, SessionPath, withCredentials: true, loginTimeout: TimeSpan.FromMinutes(1)).EnsureAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeClientsAsync();
        await Browser.DisposeAsync();
        await Sandbox.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A client on the shared browser and session; <paramref name="configure"/> changes its options.</summary>
    public PlaywrightXClient CreateClient(Action<XClientOptions>? configure = null) => CreateClient(Sandbox, configure);

    public PlaywrightXClient CreateClient(SandboxServer sandbox, Action<XClientOptions>? configure = null) =>
        ClientWith(Configured(sandbox, configure));

    /// <summary>The followers reader on a client of its own (its warm pages), with the same options.</summary>
    public IFollowersReader CreateFollowersReader(SandboxServer sandbox, Action<XClientOptions>? configure = null)
    {
        var options = Configured(sandbox, configure);
        return new BrowserFollowersReader(ClientWith(options), options, NullLogger<BrowserFollowersReader>.Instance);
    }

    private IOptions<XClientOptions> Configured(SandboxServer sandbox, Action<XClientOptions>? configure)
    {
        var options = OptionsFor(sandbox, SessionPath);
        configure?.Invoke(options);
        return Options.Create(options);
    }

    private PlaywrightXClient ClientWith(IOptions<XClientOptions> wrapped)
    {
        var client = new PlaywrightXClient(
            Browser,
            new XSession(Browser, wrapped, NullLogger<XSession>.Instance),
            wrapped,
            TimeProvider.System,
            NullLogger<PlaywrightXClient>.Instance);
        _clients.Add(client);
        return client;
    }

    /// <summary>Closes the warm contexts of the clients made so far (each holds one open on the shared browser).</summary>
    public async Task DisposeClientsAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        _clients.Clear();
    }

    /// <param name="loginTimeout">Instead of the tests' 10 s.</param>
    public XSession CreateSession(SandboxServer sandbox, string storageStatePath, bool withCredentials, TimeSpan? loginTimeout = null)
    {
        var options = OptionsFor(sandbox, storageStatePath);
        options.LoginTimeout = loginTimeout ?? options.LoginTimeout;
        if (!withCredentials)
        {
            options.Username = null;
            options.Password = null;
        }

        return new XSession(Browser, Options.Create(options), NullLogger<XSession>.Instance);
    }

    /// <summary>A path in the fixture's temporary folder, for a test's own session file.</summary>
    public string NewSessionPath() => Path.Combine(_directory, $"session-{Guid.NewGuid():N}.json");

    private static XClientOptions OptionsFor(SandboxServer sandbox, string storageStatePath) => new()
    {
        BaseUrl = sandbox.BaseAddress,
        Handle = SandboxServer.Handle,
        Username = SandboxServer.Handle,
        Password = sandbox.Password,
        StorageStatePath = storageStatePath,
        NavigationTimeout = TimeSpan.FromSeconds(15),
        ElementTimeout = TimeSpan.FromSeconds(5),
        PostTimeout = TimeSpan.FromSeconds(10),
        LoginTimeout = TimeSpan.FromSeconds(10),
        TypingDelay = TimeSpan.Zero,
        SearchScrollTimeout = TimeSpan.FromMilliseconds(300),
    };
}
