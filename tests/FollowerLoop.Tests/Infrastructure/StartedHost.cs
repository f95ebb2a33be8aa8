using Microsoft.Extensions.Hosting;

namespace FollowerLoop.Tests.Infrastructure;

/// <summary>
/// A host a test started: stopped before it is disposed, so its hosted services (a Durable Task worker mid-episode, a
/// timer job) end as they do in production instead of having their services disposed under them.
/// </summary>
internal sealed class StartedHost : IAsyncDisposable
{
    private readonly IHost _host;

    private StartedHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<StartedHost> StartAsync(IHost host, CancellationToken cancellationToken)
    {
        await host.StartAsync(cancellationToken);
        return new StartedHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        // The test's token may already be cancelled (a failed or timed-out test): stopping must still run.
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(stopping.Token);
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
