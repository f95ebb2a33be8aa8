using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FollowerLoop.Sandbox.Clock;
using FollowerLoop.Sandbox.World;
using Microsoft.AspNetCore.Builder;

namespace FollowerLoop.Sandbox.Tests;

/// <summary>A sandbox started on 127.0.0.1:0 (stepped clock unless told otherwise), with a cookie-keeping client that does not follow redirects.</summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    public const string AdminToken = "test-admin-token";

    private readonly WebApplication _app;
    private readonly CookieContainer _cookies = new();

    private SandboxHost(WebApplication app, SandboxOptions options)
    {
        _app = app;
        Options = options;
        BaseAddress = SandboxApp.GetBaseAddress(app);
        World = SandboxApp.GetWorld(app);
        Client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
    }

    public SandboxOptions Options { get; }

    public Uri BaseAddress { get; }

    public SandboxWorld World { get; }

    public HttpClient Client { get; }

    public SteppedTimeProvider Clock => (SteppedTimeProvider)World.Clock;

    public string Handle => Options.Handle;

    public static async Task<SandboxHost> StartAsync(Action<SandboxOptions>? configure = null)
    {
        var options = new SandboxOptions { Urls = "http://127.0.0.1:0", Clock = SandboxClockMode.Stepped, AdminToken = AdminToken, SlowMs = 300 };
        configure?.Invoke(options);
        var app = SandboxApp.Build(options);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new SandboxHost(app, options);
    }

    public async Task LogInAsync()
    {
        using var response = await Client.PostAsync(
            "/i/flow/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = Handle, ["password"] = Options.Password }),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public string? Cookie(string name) => _cookies.GetCookies(BaseAddress)[name]?.Value;

    /// <summary>What the page's script sends for a post; returns the raw response.</summary>
    public Task<HttpResponseMessage> CreateTweetAsync(string text, string? inReplyTo = null, bool withCsrf = true)
    {
        var variables = new JsonObject { ["tweet_text"] = text };
        if (inReplyTo is not null)
        {
            variables["reply"] = new JsonObject { ["in_reply_to_tweet_id"] = inReplyTo, ["exclude_reply_user_ids"] = new JsonArray() };
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/i/api/graphql/a1p9RWpkYKBjWv_I3WzS-A/CreateTweet")
        {
            Content = new StringContent(new JsonObject { ["variables"] = variables }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (withCsrf)
        {
            request.Headers.Add("x-csrf-token", Cookie("ct0"));
        }

        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Posts through the API and returns the new id from data.create_tweet.tweet_results.result.rest_id.</summary>
    public async Task<string> PostAsync(string text, string? inReplyTo = null)
    {
        using var response = await CreateTweetAsync(text, inReplyTo);
        var json = await ReadJsonAsync(response);
        return json["data"]!["create_tweet"]!["tweet_results"]!["result"]!["rest_id"]!.GetValue<string>();
    }

    public async Task<IDocument> GetPageAsync(string path)
    {
        using var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    /// <summary>Queues <paramref name="mode"/> for the next <paramref name="count"/> requests under <paramref name="pathPrefix"/>, as tests of a page and its own GraphQL call do.</summary>
    public async Task QueueFaultAsync(string mode, string pathPrefix, int count = 1)
    {
        using var response = await Client.SendAsync(Admin(HttpMethod.Post, "/admin/faults", new { mode, pathPrefix, count }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>What main.js's <c>load</c> sends for a page's GraphQL operation.</summary>
    public Task<HttpResponseMessage> GraphQlAsync(string operation, string variablesJson) =>
        Client.GetAsync($"/i/api/graphql/any/{operation}?variables={Uri.EscapeDataString(variablesJson)}", TestContext.Current.CancellationToken);

    /// <summary>The page's config for main.js (<c>#sandbox-config</c>): which page it is and which GraphQL call it makes.</summary>
    public static JsonNode PageConfig(IDocument page) => JsonNode.Parse(page.QuerySelector("#sandbox-config")!.TextContent)!;

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    public static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

    /// <summary>A request to the X API v2 subset with the sandbox's API token (or <paramref name="token"/>).</summary>
    public HttpRequestMessage Api(HttpMethod method, string path, object? body = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Options.ApiToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    /// <summary>Sends an API request and returns the status and the JSON body.</summary>
    public async Task<(HttpStatusCode Status, JsonNode Body)> SendApiAsync(HttpMethod method, string path, object? body = null, string? token = null)
    {
        using var request = Api(method, path, body, token);
        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    public HttpRequestMessage Admin(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(TestContext.Current.CancellationToken);
        await _app.DisposeAsync();
    }
}
