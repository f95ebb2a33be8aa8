using FollowerLoop.X.Browser;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Browser.Tests.Client;

public sealed class BrowserHostTests(BrowserFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public async Task Browser_IsKeptBetweenOperations_AndLaunchedAgainWhenItDied()
    {
        var options = new XClientOptions { BaseUrl = Fixture.Sandbox.BaseAddress, Handle = SandboxServer.Handle, StorageStatePath = Fixture.SessionPath };
        await using var host = new BrowserHost(Options.Create(new BrowserOptions()), NullLogger<BrowserHost>.Instance);
        var ct = TestContext.Current.CancellationToken;

        var first = await host.GetBrowserAsync(ct);
        var again = await host.GetBrowserAsync(ct);
        await first.CloseAsync();
        await using var context = await host.NewContextAsync(Fixture.SessionPath, options, ct);
        var relaunched = await host.GetBrowserAsync(ct);

        Assert.Same(first, again);
        Assert.NotSame(first, relaunched);
        Assert.True(relaunched.IsConnected);
        Assert.Single(relaunched.Contexts);
    }
}
