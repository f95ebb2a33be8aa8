using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FollowerLoop.X;
using FollowerLoop.X.Api;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FollowerLoop.Browser.Tests.Api;

/// <summary><c>followerloop x auth</c>'s flow against a scripted X API, and the API client working from the token file it writes.</summary>
public sealed class OAuth2PkceTests : IAsyncLifetime
{
    private const string TokenAnswer =
        """{"token_type":"bearer","expires_in":7200,"access_token":"access-auth","scope":"tweet.read tweet.write users.read offline.access","refresh_token":"refresh-auth"}""";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("followerloop-auth-");
    private ScriptedXApi _api = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string TokenPath => Path.Combine(_directory.FullName, "nested", "token.json");

    public async ValueTask InitializeAsync() => _api = await ScriptedXApi.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task AuthorizeUrl_AsksTheScopesWithAnS256ChallengeOfTheVerifier()
    {
        using var host = AuthHost(new() { ["XApi:OAuth2:AuthorizeUrl"] = "https://x.example/i/oauth2/authorize" });

        var request = await Flow(host).BeginAsync(Ct);

        Assert.Equal("https://x.example/i/oauth2/authorize", request.AuthorizeUrl.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(request.AuthorizeUrl.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("client-1", query["client_id"]);
        Assert.Equal("http://127.0.0.1:8723/callback", query["redirect_uri"]);
        Assert.Equal("tweet.read tweet.write users.read like.read offline.access", query["scope"]);
        Assert.Contains("scope=tweet.read%20tweet.write%20users.read%20like.read%20offline.access", request.AuthorizeUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(request.State, query["state"]);
        Assert.InRange(request.Verifier.Length, 43, 128);
        Assert.Matches("^[A-Za-z0-9._~-]+$", request.Verifier);
        var expected = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(request.Verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal(expected, query["code_challenge"]);
        Assert.NotEqual(request.State, (await Flow(host).BeginAsync(Ct)).State);
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task Code_IsExchangedWithTheVerifier_AndThePairStoredPrivately()
    {
        _api.On("POST", "/2/oauth2/token", ScriptedResponse.Json(200, TokenAnswer));
        using var host = AuthHost(new() { ["XApi:OAuth2:ClientSecret"] = "secret-1" });
        var flow = Flow(host);
        var request = await flow.BeginAsync(Ct);

        var code = OAuth2Pkce.ReadCode($"http://127.0.0.1:8723/callback?state={request.State}&code=code-1", request.State);
        var result = await flow.CompleteAsync(request, code, Ct);

        var exchange = Assert.Single(_api.RequestsTo("POST", "/2/oauth2/token"));
        var form = QueryHelpers.ParseQuery(exchange.Body);
        Assert.Equal("authorization_code", form["grant_type"]);
        Assert.Equal("code-1", form["code"]);
        Assert.Equal("http://127.0.0.1:8723/callback", form["redirect_uri"]);
        Assert.Equal(request.Verifier, form["code_verifier"]);
        Assert.Equal("client-1", form["client_id"]);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("client-1:secret-1")), exchange.Authorization);
        Assert.Equal(Path.GetFullPath(TokenPath), result.TokenStorePath);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(TokenPath));
        var saved = JsonNode.Parse(await File.ReadAllTextAsync(TokenPath, Ct))!;
        Assert.Equal("access-auth", saved["access_token"]!.GetValue<string>());
        Assert.Equal("refresh-auth", saved["refresh_token"]!.GetValue<string>());
        Assert.False(File.Exists(flow.PendingPath), "the verifier is not kept once used");
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task PendingAuthorization_WaitsPrivately_ForACodeGivenInALaterRun()
    {
        _api.On("POST", "/2/oauth2/token", ScriptedResponse.Json(200, TokenAnswer));
        using var first = AuthHost([]);
        var request = await Flow(first).BeginAsync(Ct);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Flow(first).PendingPath));

        using var second = AuthHost([]);
        var pending = await Flow(second).LoadPendingAsync(Ct);
        await Flow(second).CompleteAsync(pending!, OAuth2Pkce.ReadCode($"state={request.State}&code=code-2", pending!.State), Ct);

        Assert.Equal(request, pending);
        Assert.Equal(request.Verifier, QueryHelpers.ParseQuery(Assert.Single(_api.RequestsTo("POST", "/2/oauth2/token")).Body)["code_verifier"]);
    }

    [Fact]
    public void Answer_WithAnotherState_IsRefused_AndXsErrorIsReported()
    {
        var mismatch = Assert.Throws<XClientException>(() => OAuth2Pkce.ReadCode("http://127.0.0.1:8723/callback?state=forged&code=code-1", "expected"));
        var denied = Assert.Throws<XClientException>(() => OAuth2Pkce.ReadCode("http://127.0.0.1:8723/callback?error=access_denied&error_description=The+user+said+no&state=expected", "expected"));
        var noCode = Assert.Throws<XClientException>(() => OAuth2Pkce.ReadCode("http://127.0.0.1:8723/callback?state=expected", "expected"));

        Assert.Contains("state does not match", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains("access_denied (The user said no)", denied.Message, StringComparison.Ordinal);
        Assert.Contains("no code", noCode.Message, StringComparison.Ordinal);
        Assert.Equal("bare-code", OAuth2Pkce.ReadCode("  bare-code \n", "expected"));
    }

    [Fact]
    public async Task RefusedCode_SaysToAuthorizeAgain_AndWritesNoToken()
    {
        _api.On("POST", "/2/oauth2/token", ScriptedResponse.Json(400, """{"error":"invalid_request","error_description":"Value passed for the authorization code was invalid."}"""));
        using var host = AuthHost([]);
        var request = await Flow(host).BeginAsync(Ct);

        var error = await Assert.ThrowsAsync<XClientException>(() => Flow(host).CompleteAsync(request, "stale", Ct));

        Assert.Contains("run `followerloop x auth` again", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(TokenPath));
    }

    [Fact]
    public async Task TokenFile_IsAllTheClientNeeds_AndItsRefreshTokenIsUsedAfterExpiry()
    {
        _api.On("POST", "/2/oauth2/token", ScriptedResponse.Json(200, TokenAnswer),
            ScriptedResponse.Json(200, """{"token_type":"bearer","expires_in":7200,"access_token":"access-next","refresh_token":"refresh-next"}"""));
        _api.On("GET", "/2/users/by/username/someone_else", ScriptedResponse.Json(200, """{"data":{"id":"6","username":"someone_else","public_metrics":{"followers_count":7,"following_count":1}}}"""));
        using (var auth = AuthHost([]))
        {
            var request = await Flow(auth).BeginAsync(Ct);
            await Flow(auth).CompleteAsync(request, "code-1", Ct);
        }

        using var client = new ApiHost(_api.BaseAddress, TokenPath, new() { ["XApi:OAuth2:AccessToken"] = null, ["XApi:OAuth2:RefreshToken"] = null });
        client.Services.GetRequiredService<IStartupValidator>().Validate();
        await client.Client.GetProfileAsync("someone_else", Ct);
        client.Time.Advance(TimeSpan.FromHours(2));
        await client.Client.GetProfileAsync("someone_else", Ct);

        Assert.Equal(["Bearer access-auth", "Bearer access-next"], _api.RequestsTo("GET", "/2/users/by/username/someone_else").Select(r => r.Authorization));
        var refresh = _api.RequestsTo("POST", "/2/oauth2/token")[1];
        Assert.Equal("grant_type=refresh_token&refresh_token=refresh-auth&client_id=client-1", refresh.Body);
        var saved = JsonNode.Parse(await File.ReadAllTextAsync(TokenPath, Ct))!;
        Assert.Equal("refresh-next", saved["refresh_token"]!.GetValue<string>());
    }

    [Fact]
    public void NeitherTokenFileNorRefreshToken_StopsStart_SayingToRunXAuth()
    {
        using var client = new ApiHost(_api.BaseAddress, TokenPath, new() { ["XApi:OAuth2:AccessToken"] = null, ["XApi:OAuth2:RefreshToken"] = null });

        var error = Assert.Throws<OptionsValidationException>(() => client.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("does not exist and XApi:OAuth2:RefreshToken is not set", StringComparison.Ordinal) && f.Contains("followerloop x auth", StringComparison.Ordinal));
    }

    private static OAuth2PkceFlow Flow(IHost host) => host.Services.GetRequiredService<OAuth2PkceFlow>();

    private IHost AuthHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["XApi:BaseUrl"] = _api.BaseAddress.ToString(),
            ["XApi:OAuth2:ClientId"] = "client-1",
            ["XApi:OAuth2:TokenStorePath"] = TokenPath,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(ApiHost.Start));
        builder.AddXApiAuthorization();
        var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        return host;
    }
}
