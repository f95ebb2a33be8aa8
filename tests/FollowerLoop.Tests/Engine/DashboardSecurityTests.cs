using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using FollowerLoop.Content;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Worker.Commands;
using FollowerLoop.Worker.Dashboard.Shared;
using FollowerLoop.Worker.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Tests.Engine;

/// <summary>
/// The dashboards probed as an attacker would (issue #17): a forged cross-site POST, a foreign Host (DNS rebinding),
/// framing and sniffing, query values that broke the pages' SQL, and a proxy in front of a loopback-trusting worker.
/// </summary>
public sealed partial class DashboardSecurityTests(DashboardSecurityFixture fixture) : IClassFixture<DashboardSecurityFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryStateChangingEndpoint_RefusesAForgedPostFromAForeignOrigin()
    {
        var posts = ((IEndpointRouteBuilder)fixture.Trusting).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Any(method => method is not ("GET" or "HEAD")) == true)
            .Select(endpoint => FillRoute(endpoint.RoutePattern.RawText!))
            .ToList();
        using var http = DashboardSecurityFixture.Client(fixture.Trusting);
        // The visitor's browser holds the antiforgery cookie of an earlier visit: a cross-site form sends it, never the page's token.
        (await http.GetAsync("/dashboard/jobs", Ct)).EnsureSuccessStatusCode();

        // approve, reject (replies), run now, purge (jobs), terminate, restart (timeline), edit, cancel (queue).
        Assert.True(posts.Count >= 8, $"only {posts.Count} POST endpoints found");
        foreach (var path in posts)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([new("days", "1"), new("text", "forged")]) };
            request.Headers.Add("Origin", "https://evil.example");
            using var response = await http.SendAsync(request, Ct);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {response.StatusCode}");
            Assert.Contains("antiforgery", await ReasonAsync(response), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/jobs")]
    [InlineData("/healthz")]
    public async Task AForeignHost_IsRefused(string path)
    {
        using var http = DashboardSecurityFixture.Client(fixture.Trusting);

        using var foreign = await GetAsync(http, path, request => request.Headers.Host = "evil.example");

        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        AssertSecurityHeaders(foreign);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task TheLoopbackHostNames_Answer(string host)
    {
        using var http = DashboardSecurityFixture.Client(fixture.Trusting);

        using var response = await GetAsync(http, "/healthz", request => request.Headers.Host = $"{host}:{http.BaseAddress!.Port}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/dashboard/jobs", HttpStatusCode.OK)]
    [InlineData("/dashboard/assets/dashboard.css", HttpStatusCode.OK)]
    [InlineData("/dashboard/posts?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/dashboard/posts?page=abc", HttpStatusCode.BadRequest)]
    [InlineData("/healthz", HttpStatusCode.OK)]
    [InlineData("/nowhere", HttpStatusCode.NotFound)]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path, HttpStatusCode status)
    {
        using var http = DashboardSecurityFixture.Client(fixture.Trusting);

        using var response = await http.GetAsync(path, Ct);

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task ARefusal_CarriesTheSecurityHeaders()
    {
        using var http = DashboardSecurityFixture.Client(fixture.Deployed);

        using var response = await http.GetAsync("/dashboard", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Theory]
    [InlineData("/dashboard/posts?page=2147483647", "page must be from 1 to 100000")]
    [InlineData("/dashboard/posts?page=-1", "page must be from 1 to 100000")]
    [InlineData("/dashboard/posts?page=99999999999", "Page\" from \"99999999999\"")]
    [InlineData("/dashboard/posts?page=abc", "Page\" from \"abc\"")]
    [InlineData("/dashboard/posts?q=%00", "q contains a control character")]
    [InlineData("/dashboard/posts?topic=ai%00", "topic contains a control character")]
    [InlineData("/dashboard?range=%00", "range contains a control character")]
    [InlineData("/dashboard/followers?range=99999999999", "range must be one of")]
    [InlineData("/dashboard/jobs?done=%00", "done contains a control character")]
    [InlineData("/dashboard/replies?problem=%01", "problem contains a control character")]
    public async Task ABadQueryValue_IsA400ThatSaysWhy(string path, string reason)
    {
        using var http = DashboardSecurityFixture.Client(fixture.Trusting);

        using var response = await http.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await ReasonAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVeryLongQueryValue_IsA400ThatSaysWhy()
    {
        using var http = DashboardSecurityFixture.Client(fixture.Trusting);

        using var response = await http.GetAsync($"/dashboard/posts?q={new string('x', 5000)}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("q is longer than 1000 characters", await ReasonAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormWithANul_IsA400ThatSaysWhy_AndChangesNothing()
    {
        var draft = Samples.Content("Thanks, glad it helped!") with
        {
            Account = DashboardSecurityFixture.Account,
            Kind = ContentKind.Reply,
            Status = ContentStatus.Draft,
            ReplyToTweetId = "1234567890",
            ReplyToHandle = "reader",
            ReplyToText = "@fl_security this helped",
            ReplyToKind = "mention",
            ContentHash = $"hash-{Guid.NewGuid():N}",
        };
        Assert.True(await new ContentStore(fixture.Database.DataSource).EnqueueAsync(draft, Ct));
        using var http = DashboardSecurityFixture.Client(fixture.Trusting);
        var (field, token) = FormToken(await http.GetStringAsync("/dashboard/replies", Ct));

        using var response = await http.PostAsync(
            $"/dashboard/replies/{draft.DecisionId}/approve", new FormUrlEncodedContent([new(field, token), new("text", "Thanks\0 glad it helped!")]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The form could not be read: The form value contains invalid characters.", await ReasonAsync(response), StringComparison.Ordinal);
        Assert.Equal(ContentStatus.Draft, (await new ContentStore(fixture.Database.DataSource).GetAsync(draft.DecisionId, Ct))!.Status);
    }

    [Fact]
    public async Task ANulInThePath_IsA400()
    {
        using var http = DashboardSecurityFixture.Client(fixture.Trusting);

        using var response = await http.GetAsync("/dashboard/posts/1%00", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("Forwarded", "for=203.0.113.7")]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-Forwarded-Host", "dashboard.example")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    public async Task Loopback_ThroughAProxy_NeedsTheCredentials(string header, string value)
    {
        using var http = DashboardSecurityFixture.Client(fixture.Trusting);

        using var direct = await http.GetAsync("/dashboard/jobs", Ct);
        using var proxied = await GetAsync(http, "/dashboard/jobs", request => request.Headers.Add(header, value));
        using var proxiedWithCredentials = await GetAsync(http, "/dashboard/jobs", request =>
        {
            request.Headers.Add(header, value);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", DashboardSecurityFixture.Credentials());
        });

        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, proxied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, proxiedWithCredentials.StatusCode);
    }

    [Fact]
    public async Task WithoutTrustInLoopback_EvenLoopbackNeedsTheCredentials()
    {
        using var http = DashboardSecurityFixture.Client(fixture.Deployed);

        using var anonymous = await http.GetAsync("/dashboard/jobs", Ct);
        using var wrong = await GetAsync(http, "/dashboard/jobs", request =>
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", DashboardSecurityFixture.Credentials("wrong")));
        using var right = await GetAsync(http, "/dashboard/jobs", request =>
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", DashboardSecurityFixture.Credentials()));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task TrustLoopback_IsOnForRun_AndOffForTheDashboardAlone_UnlessSet()
    {
        // Building maps the pages, whose queries need Postgres and Redis settings (given here, not taken from the
        // environment); nothing connects.
        string[] stores = ["--Database:ConnectionString=Host=127.0.0.1", $"--Redis:Configuration={TestEnvironment.DeadRedis}"];
        await using var run = WorkerApp.Build(stores);
        await using var runUntrusting = WorkerApp.Build([.. stores, "--Dashboard:TrustLoopback=false"]);
        await using var dashboard = WorkerApp.BuildDashboard(stores);
        await using var dashboardTrusting = WorkerApp.BuildDashboard([.. stores, "--Dashboard:TrustLoopback=true"]);

        Assert.True(TrustsLoopback(run));
        Assert.False(TrustsLoopback(runUntrusting));
        Assert.False(TrustsLoopback(dashboard));
        Assert.True(TrustsLoopback(dashboardTrusting));
    }

    [Fact]
    public async Task AUserNameThatBasicAuthCannotCarry_IsRefusedAtStart()
    {
        await using var hub = new AzuriteTaskHub();
        await using var app = DashboardPages.App(fixture.Database, DashboardSecurityFixture.Account, hub, "--Dashboard:Username=ad:min");

        Assert.False(HostFactory.TryValidate(app.Services, out var problems));
        Assert.Contains("Dashboard:Username", problems, StringComparison.Ordinal);
    }

    private static bool TrustsLoopback(WebApplication app) => app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.TrustLoopback;

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal(
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    /// <summary>A 400's text: the dashboards answer it as a JSON string.</summary>
    private static async Task<string> ReasonAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<string>(await response.Content.ReadAsStringAsync(Ct)) ?? "";

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string path, Action<HttpRequestMessage> change)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        change(request);
        return await http.SendAsync(request, Ct);
    }

    /// <summary>The route with each parameter filled: a GUID where one is required, else a post id.</summary>
    private static string FillRoute(string template) =>
        RouteParameter().Replace(template, match => match.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "1234567890");

    private static (string Field, string Token) FormToken(string html)
    {
        var match = HiddenField().Match(html);
        Assert.True(match.Success, "the page has no antiforgery field");
        return (match.Groups["field"].Value, WebUtility.HtmlDecode(match.Groups["token"].Value));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("""<input type="hidden" name="(?<field>[^"]+)" value="(?<token>[^"]+)" />""")]
    private static partial Regex HiddenField();
}
