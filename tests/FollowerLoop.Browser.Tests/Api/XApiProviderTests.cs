using System.Text.RegularExpressions;
using FollowerLoop.Browser.Tests.Client;
using FollowerLoop.Sandbox.World;
using FollowerLoop.X;
using FollowerLoop.X.Api;
using FollowerLoop.X.Browser;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Browser.Tests.Api;

/// <summary><c>XClient:Provider</c> and section <c>XApi</c>: the chosen client, and start-up refusals that name the setting.</summary>
public sealed class XApiProviderTests
{
    private static readonly Dictionary<string, string?> OAuth2 = new()
    {
        ["XApi:OAuth2:AccessToken"] = "access-1",
        ["XApi:OAuth2:RefreshToken"] = "refresh-1",
        ["XApi:OAuth2:ClientId"] = "client-1",
    };

    [Theory]
    [InlineData(null, typeof(PlaywrightXClient))]
    [InlineData("Browser", typeof(PlaywrightXClient))]
    [InlineData("Api", typeof(XApiClient))]
    [InlineData("api", typeof(XApiClient))]
    [InlineData("ApiReadsBrowserPosts", typeof(ApiReadsBrowserPostsClient))]
    public void Provider_ChoosesTheClient(string? provider, Type expected)
    {
        using var host = Build(new(OAuth2) { ["XClient:Provider"] = provider });

        host.Services.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType(expected, host.Services.GetRequiredService<IXClient>());
    }

    [Fact]
    public void ApiProvider_DoesNotNeedChromium()
    {
        using var host = Build(new(OAuth2) { ["XClient:Provider"] = "Api", ["Browser:ExecutablePath"] = "/nowhere/chromium" });

        host.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public async Task ApiProvider_OAuth1Keys_SignEachRequest()
    {
        using var host = Build(new()
        {
            ["XClient:Provider"] = "Api",
            ["XApi:OAuth1:ConsumerKey"] = "ck",
            ["XApi:OAuth1:ConsumerSecret"] = "cs",
            ["XApi:OAuth1:AccessToken"] = "at",
            ["XApi:OAuth1:AccessTokenSecret"] = "ats",
        });
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.x.com/2/tweets");

        await host.Services.GetRequiredService<IXApiAuthorization>().AuthorizeAsync(request, TestContext.Current.CancellationToken);

        var header = request.Headers.GetValues("Authorization").Single();
        Assert.StartsWith("OAuth ", header, StringComparison.Ordinal);
        var parameters = Regex.Matches(header, "(\\w+)=\"([^\"]*)\"").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(("ck", "at"), (parameters["oauth_consumer_key"], parameters["oauth_token"]));
        Assert.NotEmpty(parameters["oauth_signature"]);
        // The secrets only key the signature: neither is ever sent.
        Assert.DoesNotContain(parameters.Values, v => v is "cs" or "ats");
    }

    [Theory]
    [InlineData("XClient:Provider", "Graph", "XClient:Provider 'Graph' is not one of Browser, Api, ApiReadsBrowserPosts.")]
    [InlineData("XApi:BearerToken", "AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2Buuv", "XApi:BearerToken is an app-only token and x.com refuses posts made with it")]
    [InlineData("XApi:OAuth2:AccessToken", "AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2Buuv", "XApi:OAuth2:AccessToken looks like an app-only bearer token")]
    [InlineData("XApi:OAuth2:RefreshToken", "", "XApi:OAuth2 has no token: the token file XApi:OAuth2:TokenStorePath")]
    [InlineData("XApi:OAuth2:ClientId", "", "XApi:OAuth2:ClientId is required")]
    [InlineData("XApi:OAuth1:ConsumerKey", "ck", "XApi:OAuth2 and XApi:OAuth1 are both set")]
    [InlineData("XApi:BaseUrl", "ftp://api.x.com", "XApi:BaseUrl 'ftp://api.x.com/' must be an absolute http(s) address")]
    [InlineData("XApi:UserId", "@me", "XApi:UserId must be the account's numeric id")]
    [InlineData("XApi:RequestTimeout", "00:00:00", "XApi:RequestTimeout must be between")]
    [InlineData("XApi:MaxRateLimitWait", "01:00:00", "XApi:MaxRateLimitWait must be between")]
    [InlineData("XApi:MetricsBatchWindow", "00:01:00", "XApi:MetricsBatchWindow must be between")]
    public void BadSetting_StopsStartWithAMessageNamingIt(string key, string value, string message)
    {
        using var host = Build(new(OAuth2) { ["XClient:Provider"] = key == "XClient:Provider" ? value : "Api", [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, failure => failure.Contains(message, StringComparison.Ordinal));
        Assert.DoesNotContain(error.Failures, failure => failure.Contains("AAAAAAAAAAAAAAAAAAAAAMLhe", StringComparison.Ordinal));
    }

    [Fact]
    public void NoUserToken_StopsStart()
    {
        using var host = Build(new() { ["XClient:Provider"] = "ApiReadsBrowserPosts" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, failure => failure.StartsWith("XApi needs a user token", StringComparison.Ordinal));
    }

    [Fact]
    public void OAuth1_Incomplete_StopsStart()
    {
        using var host = Build(new() { ["XClient:Provider"] = "Api", ["XApi:OAuth1:ConsumerKey"] = "ck" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, failure => failure.StartsWith("XApi:OAuth1 needs all four", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApiReadsBrowserPosts_ReadsThroughTheApi()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var host = Build(new(OAuth2)
        {
            ["XClient:Provider"] = "ApiReadsBrowserPosts",
            ["XApi:BaseUrl"] = sandbox.BaseAddress.ToString(),
            ["XApi:OAuth2:AccessToken"] = sandbox.ApiToken,
        });

        var profile = await host.Services.GetRequiredService<IXClient>().GetProfileAsync("founder_notes", TestContext.Current.CancellationToken);

        Assert.Equal(SandboxWorld.FindOtherAccount("founder_notes")!.Followers, profile.Followers);
        Assert.True(profile.FollowersExact);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["XClient:Handle"] = "someone",
            ["XApi:OAuth2:TokenStorePath"] = Path.Combine(Path.GetTempPath(), $"followerloop-token-{Guid.NewGuid():N}.json"),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddXClient();
        return builder.Build();
    }
}
