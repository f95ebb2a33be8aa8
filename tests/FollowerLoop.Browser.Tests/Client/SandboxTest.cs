namespace FollowerLoop.Browser.Tests.Client;

/// <summary>
/// A test on the assembly's shared sandbox. It starts with an empty fault queue: a fault an earlier test
/// queued but never met (its read was cancelled or timed out before the request left the browser) would
/// otherwise answer this test's first request.
/// </summary>
public abstract class SandboxTest(BrowserFixture fixture) : IAsyncLifetime
{
    protected BrowserFixture Fixture { get; } = fixture;

    public async ValueTask InitializeAsync() => await Fixture.Sandbox.ClearFaultsAsync();

    public async ValueTask DisposeAsync() => await Fixture.DisposeClientsAsync();

    /// <summary>Runs <paramref name="operation"/> while the given faults are queued (each for 20 requests: a reload meets them too); the queue is emptied afterwards.</summary>
    protected async Task<T> UnderFaultsAsync<T>(Func<Task<T>> operation, params (string Mode, string Path)[] faults)
    {
        foreach (var (mode, path) in faults)
        {
            await Fixture.Sandbox.QueueFaultAsync(mode, path, count: 20);
        }

        try
        {
            return await operation();
        }
        finally
        {
            await Fixture.Sandbox.ClearFaultsAsync();
        }
    }
}
