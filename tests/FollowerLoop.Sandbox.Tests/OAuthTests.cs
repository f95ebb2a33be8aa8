using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace FollowerLoop.Sandbox.Tests;

public sealed class OAuthTests
{
    private const string ClientId = "test-client";
    private const string RedirectUri = "http://127.0.0.1:1/callback";
    private const string Verifier = "a-long-random-code-verifier-of-at-least-forty-three-characters-0123";

    [Fact]
    public async Task AuthorizationCodeWithTheRightVerifier_GivesTokensThatOpenTheApi()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var code = await AuthorizeAsync(sandbox);

        var (status, tokens) = await TokenAsync(sandbox, new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["code_verifier"] = Verifier, ["redirect_uri"] = RedirectUri, ["client_id"] = ClientId,
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("bearer", tokens["token_type"]!.GetValue<string>());
        Assert.Equal(7200, tokens["expires_in"]!.GetValue<int>());
        Assert.Equal("tweet.read tweet.write users.read offline.access", tokens["scope"]!.GetValue<string>());
        Assert.NotNull(tokens["refresh_token"]);
        var (meStatus, me) = await sandbox.SendApiAsync(HttpMethod.Get, "/2/users/me", token: tokens["access_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, meStatus);
        Assert.Equal(sandbox.Handle, me["data"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task WrongVerifier_IsRefusedAndSpendsTheCode()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var code = await AuthorizeAsync(sandbox);
        Dictionary<string, string> Form(string verifier) => new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["code_verifier"] = verifier, ["redirect_uri"] = RedirectUri, ["client_id"] = ClientId,
        };

        var (status, error) = await TokenAsync(sandbox, Form("not-the-verifier"));
        var (again, _) = await TokenAsync(sandbox, Form(Verifier));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request", error["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, again);
    }

    [Fact]
    public async Task RefreshToken_WorksOnce()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var code = await AuthorizeAsync(sandbox);
        var (_, tokens) = await TokenAsync(sandbox, new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["code_verifier"] = Verifier, ["redirect_uri"] = RedirectUri, ["client_id"] = ClientId,
        });
        var refresh = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens["refresh_token"]!.GetValue<string>(), ["client_id"] = ClientId };

        var (first, renewed) = await TokenAsync(sandbox, refresh);
        var (second, refused) = await TokenAsync(sandbox, refresh);

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.NotEqual(tokens["refresh_token"]!.GetValue<string>(), renewed["refresh_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, second);
        Assert.Equal("Value passed for the token was invalid.", refused["error_description"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await sandbox.SendApiAsync(HttpMethod.Get, "/2/users/me", token: renewed["access_token"]!.GetValue<string>())).Status);
    }

    [Fact]
    public async Task AccessToken_ExpiresAfterTwoHoursOnTheSandboxClock()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var code = await AuthorizeAsync(sandbox);
        var (_, tokens) = await TokenAsync(sandbox, new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["code_verifier"] = Verifier, ["redirect_uri"] = RedirectUri, ["client_id"] = ClientId,
        });
        sandbox.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(HttpStatusCode.Unauthorized, (await sandbox.SendApiAsync(HttpMethod.Get, "/2/users/me", token: tokens["access_token"]!.GetValue<string>())).Status);
    }

    private static async Task<string> AuthorizeAsync(SandboxHost sandbox)
    {
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = ClientId, ["redirect_uri"] = RedirectUri, ["scope"] = "tweet.read tweet.write users.read offline.access",
            ["state"] = "xyz", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        });
        using var response = await sandbox.Client.GetAsync($"/i/oauth2/authorize{query}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(RedirectUri + "?", location.OriginalString, StringComparison.Ordinal);
        var parameters = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("xyz", parameters["state"].ToString());
        return parameters["code"].ToString();
    }

    private static async Task<(HttpStatusCode Status, System.Text.Json.Nodes.JsonNode Body)> TokenAsync(SandboxHost sandbox, Dictionary<string, string> form)
    {
        using var response = await sandbox.Client.PostAsync("/2/oauth2/token", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        return (response.StatusCode, await SandboxHost.ReadJsonAsync(response));
    }
}
