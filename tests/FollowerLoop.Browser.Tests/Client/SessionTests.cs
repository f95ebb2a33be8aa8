using System.Runtime.Versioning;
using System.Text.Json.Nodes;
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
        // Saved, then saved back after use with x.com's renewed cookies: the same login.
        Assert.Equal(AuthCookie(secret).Value, AuthCookie(await File.ReadAllTextAsync(path, ct)).Value);
    }

    [Fact]
    public async Task Use_SavesTheRenewedCookiesBack_SoTheSessionDoesNotAgeOut()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Fixture.NewSessionPath();
        await Fixture.CreateSession(Fixture.Sandbox, path, withCredentials: true).EnsureAsync(ct);
        var atLogin = AuthCookie(await File.ReadAllTextAsync(path, ct));

        // The cookie's expiry is the browser's real clock plus the Max-Age x.com sends again with each page.
        await Task.Delay(TimeSpan.FromSeconds(1.1), ct);
        await Fixture.CreateClient(options => (options.StorageStatePath, options.Username, options.Password) = (path, null, null)).GetProfileAsync(SandboxServer.Handle, ct);
        var afterUse = AuthCookie(await File.ReadAllTextAsync(path, ct));

        Assert.Equal(atLogin.Value, afterUse.Value);
        Assert.True(afterUse.Expires > atLogin.Expires, $"the saved cookie's expiry moved on ({atLogin.Expires} → {afterUse.Expires})");
    }

    [Fact]
    public async Task LoginChallenge_Headless_IsADefinitiveErrorAskingForAVisibleLogin_AndSavesNoSession()
    {
        var path = Fixture.NewSessionPath();
        // The form's GET, then the POST that X answers with a challenge instead of the home timeline.
        await Fixture.Sandbox.QueueFaultAsync("challenge", "/i/flow/login", count: 2);

        var error = await Assert.ThrowsAsync<XClientException>(() =>
            Fixture.CreateSession(Fixture.Sandbox, path, withCredentials: true).EnsureAsync(TestContext.Current.CancellationToken));

        Assert.Equal((XErrorKind.LoginChallenge, false), (error.Kind, error.IsRetryable));
        Assert.Contains("followerloop x login", error.Message, StringComparison.Ordinal);
        Assert.Contains("Browser:Headless=false", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path), "a challenge page is not a session");
    }

    [Fact]
    public async Task LockedAccount_AtLogin_IsDefinitive_AndSavesNoSession()
    {
        var path = Fixture.NewSessionPath();
        await Fixture.Sandbox.QueueFaultAsync("locked", "/home", count: 5);

        var error = await Assert.ThrowsAsync<XClientException>(() =>
            Fixture.CreateSession(Fixture.Sandbox, path, withCredentials: true, loginTimeout: TimeSpan.FromSeconds(3)).EnsureAsync(TestContext.Current.CancellationToken));

        Assert.Equal(XErrorKind.Locked, error.Kind);
        Assert.False(File.Exists(path), "the account access page is not a session");
    }

    private static (string Value, double Expires) AuthCookie(string storageState)
    {
        var cookie = JsonNode.Parse(storageState)!["cookies"]!.AsArray().Single(c => (string?)c!["name"] == "auth_token")!;
        return ((string)cookie["value"]!, (double)cookie["expires"]!);
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

        // Once in a full fresh-clone run (1 December 2026) this error was retryable; its message says which one it was.
        Assert.False(error.IsRetryable, error.Message);
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
