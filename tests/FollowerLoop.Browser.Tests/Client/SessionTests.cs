using System.Runtime.Versioning;
using FollowerLoop.X;

namespace FollowerLoop.Browser.Tests.Client;

public sealed class SessionTests(BrowserFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task FirstUse_LogsInOnceAndSavesThePrivateSession_WhichAClientWithoutCredentialsReuses()
    {
        var path = Fixture.NewSessionPath();
        var ct = TestContext.Current.CancellationToken;

        var saved = await Fixture.CreateSession(Fixture.Sandbox, path, withCredentials: true).EnsureAsync(ct);
        var reuser = Fixture.CreateClient(options => (options.StorageStatePath, options.Username, options.Password) = (path, null, null));
        var profile = await reuser.GetProfileAsync(SandboxServer.Handle, ct);

        Assert.Equal(path, saved);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.DoesNotContain(Fixture.Sandbox.Password, await File.ReadAllTextAsync(path, ct), StringComparison.Ordinal);
        Assert.Equal(SandboxServer.Handle, profile.Handle);
    }

    [Fact]
    public async Task SessionGivenAsASecret_IsSavedAndUsedWithoutLoggingIn()
    {
        var ct = TestContext.Current.CancellationToken;
        var secret = await File.ReadAllTextAsync(Fixture.SessionPath, ct);
        var path = Fixture.NewSessionPath();
        var client = Fixture.CreateClient(options =>
            (options.StorageStatePath, options.SessionStateJson, options.Username, options.Password) = (path, secret, null, null));

        var profile = await client.GetProfileAsync(SandboxServer.Handle, ct);

        Assert.Equal(SandboxServer.Handle, profile.Handle);
        Assert.Equal(secret, await File.ReadAllTextAsync(path, ct));
    }

    [Fact]
    public async Task NoSavedSessionAndNoCredentials_FailsClearlyWithoutRetry()
    {
        var client = Fixture.CreateClient(options => (options.StorageStatePath, options.Username, options.Password) = (Fixture.NewSessionPath(), null, null));

        var error = await Assert.ThrowsAsync<XClientException>(() => client.GetProfileAsync(SandboxServer.Handle, TestContext.Current.CancellationToken));

        Assert.False(error.IsRetryable);
        Assert.Contains("followerloop x login", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPassword_LoginFailsClearlyWithoutRetry()
    {
        var client = Fixture.CreateClient(options =>
        {
            options.StorageStatePath = Fixture.NewSessionPath();
            options.Password = "not-the-password";
            options.LoginTimeout = TimeSpan.FromSeconds(2);
        });

        var error = await Assert.ThrowsAsync<XClientException>(() => client.GetProfileAsync(SandboxServer.Handle, TestContext.Current.CancellationToken));

        Assert.False(error.IsRetryable);
        Assert.Contains("XClient:Username/Password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredSession_IsAClearErrorThatTellsWhatToDo_AndIsNotRetried()
    {
        // Expiry ends every session of a sandbox, so this test has a sandbox of its own.
        await using var sandbox = await SandboxServer.StartAsync();
        var path = Fixture.NewSessionPath();
        var client = Fixture.CreateClient(sandbox, options => options.StorageStatePath = path);
        var ct = TestContext.Current.CancellationToken;
        await client.GetProfileAsync(SandboxServer.Handle, ct);

        await sandbox.ExpireSessionsAsync();
        var error = await Assert.ThrowsAsync<XClientException>(() => client.GetProfileAsync(SandboxServer.Handle, ct));

        Assert.False(error.IsRetryable);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("followerloop x login", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginWall_OnAPage_IsTheSameClearNonRetryableError()
    {
        var post = Fixture.SeasonedPost;
        await Fixture.Sandbox.QueueFaultAsync("loginwall", $"/{SandboxServer.Handle}/status/{post.Id}");

        var error = await Assert.ThrowsAsync<XClientException>(() =>
            Fixture.CreateClient().GetTweetMetricsAsync(SandboxServer.Handle, post.Id, TestContext.Current.CancellationToken));

        Assert.False(error.IsRetryable);
        Assert.Contains("no longer logged in", error.Message, StringComparison.Ordinal);
    }
}
