using FollowerLoop.Browser.Tests.Client;
using FollowerLoop.X;

namespace FollowerLoop.Browser.Tests.Api;

/// <summary>The API client against the sandbox's X API: what needs only ordinary X behaviour, no scripted answer.</summary>
public sealed class XApiSandboxTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("followerloop-xapi-sandbox-");
    private SandboxServer _sandbox = null!;
    private ApiHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync();
        _host = new ApiHost(_sandbox.BaseAddress, Path.Combine(_directory.FullName, "token.json"), new() { ["XApi:OAuth2:AccessToken"] = _sandbox.ApiToken });
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await _sandbox.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Profile_OtherAccount_ByUsername_MissingUserIsAClearError()
    {
        var error = await Assert.ThrowsAsync<XClientException>(() => _host.Client.GetProfileAsync("nobody_here", TestContext.Current.CancellationToken));

        Assert.False(error.IsRetryable);
        Assert.Contains("Could not find user", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchRecent_NoMatch_IsEmpty() =>
        Assert.Empty(await _host.Client.SearchRecentAsync("zebracorn", 5, TestContext.Current.CancellationToken));
}
