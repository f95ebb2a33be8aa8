using FollowerLoop.X.Browser;

namespace FollowerLoop.Browser.Tests.Client;

/// <summary>Reads on one long-lived context and page: reused while sound, made again when the page or the browser is gone.</summary>
public sealed class WarmPageTests(BrowserFixture fixture) : SandboxTest(fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reads_ShareOneContextAndPage()
    {
        var client = Fixture.CreateClient();
        await client.GetTweetMetricsAsync(SandboxServer.Handle, Fixture.SeasonedPost.Id, Ct);
        var browser = await Fixture.Browser.GetBrowserAsync(Ct);
        var contextsBefore = browser.Contexts.Count;

        await client.GetProfileAsync(SandboxServer.Handle, Ct);
        await client.GetTweetMetricsAsync(SandboxServer.Handle, Fixture.SeasonedReply.Id, Ct);

        Assert.Equal(contextsBefore, browser.Contexts.Count);
        Assert.Single(browser.Contexts.SelectMany(context => context.Pages));
    }

    [Fact]
    public async Task ClosedPage_IsReplaced_AndTheNextReadSucceeds()
    {
        var client = Fixture.CreateClient();
        await client.GetProfileAsync(SandboxServer.Handle, Ct);
        var browser = await Fixture.Browser.GetBrowserAsync(Ct);
        foreach (var page in browser.Contexts.SelectMany(context => context.Pages).ToList())
        {
            await page.CloseAsync();
        }

        var metrics = await client.GetTweetMetricsAsync(SandboxServer.Handle, Fixture.SeasonedPost.Id, Ct);

        Assert.Equal(Fixture.Sandbox.World.GetMetrics(Fixture.SeasonedPost.Id).Likes, metrics.Likes);
    }

    [Fact]
    public async Task DeadBrowser_TakesItsContextAlong_WhichIsMadeAgain_AndTheNextReadSucceeds()
    {
        var client = Fixture.CreateClient();
        await client.GetProfileAsync(SandboxServer.Handle, Ct);
        var browser = await Fixture.Browser.GetBrowserAsync(Ct);

        await browser.CloseAsync();
        var profile = await client.GetProfileAsync(SandboxServer.Handle, Ct);

        Assert.Equal(Fixture.Sandbox.World.GetFollowers(), profile.Followers);
        Assert.NotSame(browser, await Fixture.Browser.GetBrowserAsync(Ct));
    }

    [Fact]
    public async Task ExpiredSession_DropsTheWarmContext_SoANewLoginOnFileIsUsed()
    {
        // Expiry ends every session of a sandbox, so this test has a sandbox of its own.
        await using var sandbox = await SandboxServer.StartAsync();
        var path = Fixture.NewSessionPath();
        var client = Fixture.CreateClient(sandbox, options => options.StorageStatePath = path);
        await client.GetProfileAsync(SandboxServer.Handle, Ct);
        await sandbox.ExpireSessionsAsync();
        await Assert.ThrowsAsync<FollowerLoop.X.XClientException>(() => client.GetProfileAsync(SandboxServer.Handle, Ct));

        // `followerloop x login` in another process writes a fresh session to the file.
        File.Delete(path);
        await Fixture.CreateSession(sandbox, path, withCredentials: true).EnsureAsync(Ct);
        var profile = await client.GetProfileAsync(SandboxServer.Handle, Ct);

        Assert.Equal(SandboxServer.Handle, profile.Handle);
    }

    [Fact]
    public async Task ContextReplacedWhileAReadIsOnIt_LetsThatReadFinish()
    {
        // Another read met the login wall, so the next one makes a new context: the read still on the old one must end
        // as it would have, not with "Target page, context or browser has been closed" (a post left unsure, a wasted attempt).
        var slow = TimeSpan.FromSeconds(6);
        await using var sandbox = await SandboxServer.StartAsync(slow: slow);
        var client = Fixture.CreateClient(sandbox, options =>
        {
            options.StorageStatePath = Fixture.NewSessionPath();
            options.NavigationTimeout = options.ElementTimeout = options.OperationTimeout = slow * 3;
        });
        var post = sandbox.World.Publish("Warm context: a read in flight outlives its context's replacement.");
        await client.GetProfileAsync(SandboxServer.Handle, Ct);

        await sandbox.QueueFaultAsync("slow", $"/{SandboxServer.Handle}/status/{post.Id}");
        var inFlight = client.GetTweetMetricsAsync(SandboxServer.Handle, post.Id, Ct);
        await sandbox.UntilNoFaultQueuedAsync();
        await sandbox.QueueFaultAsync("loginwall", $"/{SandboxServer.Handle}");
        await Assert.ThrowsAsync<FollowerLoop.X.XClientException>(() => client.GetProfileAsync(SandboxServer.Handle, Ct));
        await client.GetProfileAsync(SandboxServer.Handle, Ct);
        Assert.False(inFlight.IsCompletedSuccessfully, "the slow read ended before its context was replaced: the test proves nothing");

        var metrics = await inFlight;

        Assert.Equal(sandbox.World.GetMetrics(post.Id).Likes, metrics.Likes);
    }
}
