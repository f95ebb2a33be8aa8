using System.Globalization;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using FollowerLoop.X;

namespace FollowerLoop.Browser.Tests.Api;

/// <summary>Rate limits, usage caps, expired tokens and malformed answers, as the X API documents them.</summary>
public sealed class XApiFailureTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("followerloop-xapi-");
    private ScriptedXApi _api = null!;
    private ApiHost _host = null!;

    private string TokenPath => Path.Combine(_directory.FullName, "token.json");

    public async ValueTask InitializeAsync()
    {
        _api = await ScriptedXApi.StartAsync();
        _host = new ApiHost(_api.BaseAddress, TokenPath, new() { ["XApi:MaxRateLimitWait"] = "00:00:30" });
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await _api.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task RateLimited429_IsRetryableWithTheResetAsRetryAfter_AndTheWindowIsNotHitAgain()
    {
        var reset = ApiHost.Start.AddMinutes(15);
        _api.On("GET", "/2/tweets/search/recent", ScriptedResponse.Json(429, """{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}""", ResetHeaders(0, reset)));
        var token = TestContext.Current.CancellationToken;

        var error = await Assert.ThrowsAsync<XClientException>(() => _host.Client.SearchRecentAsync("ai", 10, token));
        var again = await Assert.ThrowsAsync<XClientException>(() => _host.Client.SearchRecentAsync("ai", 10, token));

        Assert.Equal((true, XErrorKind.RateLimited), (error.IsRetryable, error.Kind));
        Assert.Equal(TimeSpan.FromMinutes(15), error.RetryAfter);
        Assert.Contains("rate limit", error.Message, StringComparison.Ordinal);
        // The second call knows the window is closed for 15 minutes (over the 30 s it may wait): it fails without a request.
        Assert.True(again.IsRetryable);
        Assert.Equal(TimeSpan.FromMinutes(15), again.RetryAfter);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task RateLimited429_V1Code88_IsRetryable()
    {
        _api.On("POST", "/2/tweets", ScriptedResponse.Json(429, """{"errors":[{"code":88,"message":"Rate limit exceeded"}]}""", ResetHeaders(0, ApiHost.Start.AddSeconds(600))));

        var error = await Assert.ThrowsAsync<XPostRejectedException>(() => _host.Client.PostAsync("Hi", TestContext.Current.CancellationToken));

        Assert.Equal((true, XErrorKind.RateLimited), (error.IsRetryable, error.Kind));
        Assert.Equal(TimeSpan.FromMinutes(10), error.RetryAfter);
    }

    [Fact]
    public async Task WindowUsedUp_ResetNear_WaitsForTheResetThenSends()
    {
        _api.On("GET", "/2/users/by/username/someone",
            ScriptedResponse.Json(200, User(10), ResetHeaders(0, ApiHost.Start.AddSeconds(20))),
            ScriptedResponse.Json(200, User(11), ResetHeaders(49, ApiHost.Start.AddMinutes(15))));
        var token = TestContext.Current.CancellationToken;
        await _host.Client.GetProfileAsync("someone", token);

        var waiting = _host.Client.GetProfileAsync("someone", token);
        await WaitUntilAsync(() => _host.Logs.Any(line => line.StartsWith("3102 ", StringComparison.Ordinal)) || _api.Requests.Count > 1, token);
        Assert.Single(_api.Requests);
        // Step the clock (a second at a time) until the waiting read is through; it must not send before the reset.
        await WaitUntilAsync(() =>
        {
            Assert.True(_api.Requests.Count == 1 || _host.Time.GetUtcNow() >= ApiHost.Start.AddSeconds(20), "sent before the window's reset");
            _host.Time.Advance(TimeSpan.FromSeconds(1));
            return waiting.IsCompleted;
        }, token);

        Assert.Equal(11, (await waiting).Followers);
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task UsageCapExceeded_IsNotRetryable_AndSaysWhatToDo()
    {
        _api.On("GET", "/2/tweets/search/recent", ScriptedResponse.Json(429, """{"account_id":1234567890,"product_name":"standard-basic","title":"UsageCapExceeded","period":"Monthly","scope":"Product","detail":"Usage cap exceeded: Monthly product cap","type":"https://api.twitter.com/2/problems/usage-capped"}"""));

        var error = await Assert.ThrowsAsync<XClientException>(() => _host.Client.SearchRecentAsync("ai", 10, TestContext.Current.CancellationToken));

        Assert.False(error.IsRetryable);
        Assert.Contains("usage cap", error.Message, StringComparison.Ordinal);
        Assert.Contains("XClient:Provider=Browser", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientForbidden_IsNotRetryable_AndSaysWhatToDo()
    {
        _api.On("GET", "/2/users/by/username/someone", ScriptedResponse.Json(403, """{"client_id":"101010101","detail":"When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.","registration_url":"https://developer.twitter.com/en/docs/projects/overview","title":"Client Forbidden","required_enrollment":"Appropriate Level of API Access","reason":"client-not-enrolled","type":"https://api.twitter.com/2/problems/client-forbidden"}"""));

        var error = await Assert.ThrowsAsync<XClientException>(() => _host.Client.GetProfileAsync("someone", TestContext.Current.CancellationToken));

        Assert.False(error.IsRetryable);
        Assert.Contains("client-not-enrolled", error.Message, StringComparison.Ordinal);
        Assert.Contains("Project", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task ExpiredToken_401_RefreshesOnceSendsOnceMore_AndKeepsTheNewTokenPrivately()
    {
        _api.On("POST", "/2/tweets",
            ScriptedResponse.Json(401, """{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}"""),
            ScriptedResponse.Json(201, """{"data":{"id":"1445880548472328192","text":"Hi"}}"""));
        _api.On("POST", "/2/oauth2/token", ScriptedResponse.Json(200, """{"token_type":"bearer","expires_in":7200,"access_token":"access-2","scope":"tweet.read tweet.write users.read offline.access","refresh_token":"refresh-2"}"""));

        var posted = await _host.Client.PostAsync("Hi", TestContext.Current.CancellationToken);

        Assert.Equal("1445880548472328192", posted.TweetId);
        var posts = _api.RequestsTo("POST", "/2/tweets");
        Assert.Equal(["Bearer access-1", "Bearer access-2"], posts.Select(post => post.Authorization));
        var refresh = Assert.Single(_api.RequestsTo("POST", "/2/oauth2/token"));
        Assert.Equal("grant_type=refresh_token&refresh_token=refresh-1&client_id=client-1", refresh.Body);
        var saved = JsonNode.Parse(await File.ReadAllTextAsync(TokenPath, TestContext.Current.CancellationToken))!;
        Assert.Equal("refresh-2", saved["refresh_token"]!.GetValue<string>());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(TokenPath));
        Assert.DoesNotContain("refresh-1", await File.ReadAllTextAsync(TokenPath, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains(_host.Logs, line => line.StartsWith("3101 ", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs, line => line.Contains("access-", StringComparison.Ordinal) || line.Contains("refresh-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefreshedToken_IsReusedAfterARestart_AndRefreshedAgainWhenItExpires()
    {
        _api.On("POST", "/2/tweets",
            ScriptedResponse.Json(401, """{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}"""),
            ScriptedResponse.Json(201, """{"data":{"id":"1","text":"Hi"}}"""));
        _api.On("POST", "/2/oauth2/token",
            ScriptedResponse.Json(200, """{"token_type":"bearer","expires_in":7200,"access_token":"access-2","refresh_token":"refresh-2"}"""),
            ScriptedResponse.Json(200, """{"token_type":"bearer","expires_in":7200,"access_token":"access-3","refresh_token":"refresh-3"}"""));
        var token = TestContext.Current.CancellationToken;
        await _host.Client.PostAsync("Hi", token);

        using var restarted = new ApiHost(_api.BaseAddress, TokenPath);
        await restarted.Client.PostAsync("Hi again", token);
        restarted.Time.Advance(TimeSpan.FromHours(2));
        await restarted.Client.PostAsync("Later", token);

        Assert.Equal(["Bearer access-1", "Bearer access-2", "Bearer access-2", "Bearer access-3"], _api.RequestsTo("POST", "/2/tweets").Select(post => post.Authorization));
        Assert.Equal(2, _api.RequestsTo("POST", "/2/oauth2/token").Count);
        Assert.Contains("refresh_token=refresh-2", _api.RequestsTo("POST", "/2/oauth2/token")[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshRefused_IsNotRetryable_AndThePostIsNotResent()
    {
        _api.On("POST", "/2/tweets", ScriptedResponse.Json(401, """{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}"""));
        _api.On("POST", "/2/oauth2/token", ScriptedResponse.Json(400, """{"error":"invalid_request","error_description":"Value passed for the token was invalid."}"""));

        var error = await Assert.ThrowsAsync<XClientException>(() => _host.Client.PostAsync("Hi", TestContext.Current.CancellationToken));

        Assert.False(error.IsRetryable);
        Assert.Contains("XApi:OAuth2:RefreshToken", error.Message, StringComparison.Ordinal);
        Assert.Single(_api.RequestsTo("POST", "/2/tweets"));
    }

    [Fact]
    public async Task StillUnauthorizedAfterTheRefresh_IsNotRetryable_AndSentOnlyTwice()
    {
        _api.On("GET", "/2/users/by/username/someone", ScriptedResponse.Json(401, """{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}"""));
        _api.On("POST", "/2/oauth2/token", ScriptedResponse.Json(200, """{"token_type":"bearer","expires_in":7200,"access_token":"access-2","refresh_token":"refresh-2"}"""));

        var error = await Assert.ThrowsAsync<XClientException>(() => _host.Client.GetProfileAsync("someone", TestContext.Current.CancellationToken));

        Assert.Equal((false, XErrorKind.LoggedOut), (error.IsRetryable, error.Kind));
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _api.RequestsTo("GET", "/2/users/by/username/someone").Count);
    }

    [Theory]
    [InlineData("GET", "/2/tweets/search/recent", "{\"data\":[{\"id\":")]
    [InlineData("GET", "/2/tweets/search/recent", "<html>upstream error</html>")]
    [InlineData("GET", "/2/users/by/username/someone", "{\"data\":{\"id\":\"1\",\"username\":\"someone\",\"public_metrics\":{\"followers_count\":\"many\"}}}")]
    public async Task MalformedAnswer_IsNotRetryable_AndNamesTheEndpoint(string method, string path, string body)
    {
        _api.On(method, path, ScriptedResponse.Json(200, body));
        var token = TestContext.Current.CancellationToken;

        var error = await Assert.ThrowsAsync<XClientException>(() => path.Contains("users", StringComparison.Ordinal)
            ? _host.Client.GetProfileAsync("someone", token)
            : _host.Client.SearchRecentAsync("ai", 10, token));

        Assert.False(error.IsRetryable);
        Assert.Contains(path.Contains("users", StringComparison.Ordinal) ? "GET /2/users/by/username/:username" : "GET /2/tweets/search/recent", error.Message, StringComparison.Ordinal);
        Assert.Contains("not shaped as documented", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedMetricsAnswer_FailsEveryReadOfTheBatch()
    {
        _api.On("GET", "/2/tweets", ScriptedResponse.Json(200, "{\"data\": nope"));
        var token = TestContext.Current.CancellationToken;

        var reads = new[] { "20", "21" }.Select(id => _host.Client.GetTweetMetricsAsync("someone", id, token)).ToList();

        foreach (var read in reads)
        {
            var error = await Assert.ThrowsAsync<XClientException>(() => read);
            Assert.False(error.IsRetryable);
            Assert.Contains("GET /2/tweets", error.Message, StringComparison.Ordinal);
        }

        Assert.Single(_api.Requests);
    }

    private static Dictionary<string, string> ResetHeaders(int remaining, DateTimeOffset reset) => new()
    {
        ["x-rate-limit-limit"] = "50",
        ["x-rate-limit-remaining"] = remaining.ToString(CultureInfo.InvariantCulture),
        ["x-rate-limit-reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
    };

    private static string User(int followers) =>
        $$"""{"data":{"id":"6253282","name":"Someone","username":"someone","public_metrics":{"followers_count":{{followers}},"following_count":3,"tweet_count":9,"listed_count":0} } }""";

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
