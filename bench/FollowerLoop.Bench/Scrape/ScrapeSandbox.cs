using FollowerLoop.Sandbox;
using FollowerLoop.Sandbox.Clock;
using Microsoft.AspNetCore.Builder;

namespace FollowerLoop.Bench.Scrape;

/// <summary>
/// The sandbox started in-process for the scrape bench, with the account's own posts published evenly over a span that
/// ends at the real now (a stepped clock moved there), so they are recent posts to a client on the real clock and its
/// session cookies expire when they would on x.com.
/// </summary>
internal sealed class ScrapeSandbox : IAsyncDisposable
{
    public const string Handle = "bench_account";

    private readonly WebApplication _app;

    private ScrapeSandbox(WebApplication app, SandboxOptions options, IReadOnlyList<string> postIds)
    {
        _app = app;
        Options = options;
        PostIds = postIds;
        BaseAddress = SandboxApp.GetBaseAddress(app);
    }

    public SandboxOptions Options { get; }

    public Uri BaseAddress { get; }

    /// <summary>The posts' ids, oldest first.</summary>
    public IReadOnlyList<string> PostIds { get; }

    /// <param name="posts">How many posts to publish.</param>
    /// <param name="span">Over how long, up to now.</param>
    /// <param name="apiLatencyMs">The sandbox's <see cref="SandboxOptions.ApiLatencyMs"/>: a simulated round trip on every X API request.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<ScrapeSandbox> StartAsync(int posts, TimeSpan span, int apiLatencyMs, CancellationToken cancellationToken)
    {
        var options = new SandboxOptions
        {
            Urls = "http://127.0.0.1:0",
            Handle = Handle,
            Password = $"bench-{Guid.NewGuid():N}",
            AdminToken = $"bench-{Guid.NewGuid():N}",
            ApiToken = $"bench-{Guid.NewGuid():N}",
            Clock = SandboxClockMode.Stepped,
            Epoch = DateTimeOffset.UtcNow - span,
            ApiLatencyMs = apiLatencyMs,
        };
        // The sandbox logs each request at Information; the bench's output is its table.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        var app = SandboxApp.Build(options);
        var world = SandboxApp.GetWorld(app);
        var clock = (SteppedTimeProvider)world.Clock;
        var ids = new List<string>(posts);
        for (var n = 1; n <= posts; n++)
        {
            ids.Add(world.Publish($"Benchmark post {n}: what a warm browser saves, read by the bench.").Id);
            clock.Advance(span / posts);
        }

        await app.StartAsync(cancellationToken);
        return new ScrapeSandbox(app, options, ids);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
