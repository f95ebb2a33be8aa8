using System.Diagnostics;
using System.Net;

namespace FollowerLoop.Sandbox.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task Slow_DelaysTheAnswerByTheConfiguredTime()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/home");
        request.Headers.Add("X-Sandbox-Fault", "slow");

        var watch = Stopwatch.StartNew();
        using var response = await sandbox.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(sandbox.Options.SlowMs), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task ApiLatency_HoldsEveryApiAnswer_FaultedOrNot_AndNoPage()
    {
        const int latencyMs = 1500;
        await using var sandbox = await SandboxHost.StartAsync(options => options.ApiLatencyMs = latencyMs);
        await sandbox.LogInAsync();
        var latency = TimeSpan.FromMilliseconds(latencyMs);

        var api = Stopwatch.StartNew();
        var (status, _) = await sandbox.SendApiAsync(HttpMethod.Get, "/2/users/me");
        api.Stop();
        using var faulted = sandbox.Api(HttpMethod.Get, "/2/users/me");
        faulted.Headers.Add("X-Sandbox-Fault", "error");
        var faultedWatch = Stopwatch.StartNew();
        using var faultedResponse = await sandbox.Client.SendAsync(faulted, TestContext.Current.CancellationToken);
        faultedWatch.Stop();
        await sandbox.GetPageAsync("/home");
        var page = Stopwatch.StartNew();
        await sandbox.GetPageAsync("/home");
        page.Stop();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(api.Elapsed >= latency, $"answered after {api.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faultedResponse.StatusCode);
        Assert.True(faultedWatch.Elapsed >= latency, $"the faulted call answered after {faultedWatch.Elapsed}");
        Assert.True(page.Elapsed < latency, $"a page answered after {page.Elapsed}");
    }

    [Fact]
    public async Task Missing_DropsTheActionBarAndTheProfileCounts()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var id = await sandbox.PostAsync("Good defaults beat good docs.");

        var post = await sandbox.GetPageAsync($"/{sandbox.Handle}/status/{id}?sandbox_fault=missing");
        var profile = await sandbox.GetPageAsync($"/{sandbox.Handle}?sandbox_fault=missing");
        var normal = await sandbox.GetPageAsync($"/{sandbox.Handle}/status/{id}");

        Assert.NotNull(post.QuerySelector("[data-testid='tweetText']"));
        Assert.Null(post.QuerySelector("[role='group']"));
        Assert.Null(post.QuerySelector($"a[href='/{sandbox.Handle}/status/{id}/analytics']"));
        Assert.NotNull(profile.QuerySelector("[data-testid='UserName']"));
        Assert.Null(profile.QuerySelector($"a[href='/{sandbox.Handle}/verified_followers']"));
        Assert.NotNull(normal.QuerySelector("[role='group']"));
    }

    [Fact]
    public async Task Spanish_WritesTheCountsInASpanishInterface_LeavingTheJsonAlone()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var id = await sandbox.PostAsync("Defaults are product decisions.");
        sandbox.Clock.Advance(TimeSpan.FromHours(12));

        var post = await sandbox.GetPageAsync($"/{sandbox.Handle}/status/{id}?sandbox_fault=spanish");
        var profile = await sandbox.GetPageAsync($"/{sandbox.Handle}?sandbox_fault=spanish");

        var label = post.QuerySelector("[role='group']")!.GetAttribute("aria-label")!;
        Assert.Matches(@"^\d+ (respuestas?|reposts?|Me gusta|elementos? guardados?|visualizaci(ón|ones))(, \d+ (respuestas?|reposts?|Me gusta|elementos? guardados?|visualizaci(ón|ones)))*$", label);
        Assert.Contains("visualizaciones", label, StringComparison.Ordinal);
        var followers = profile.QuerySelector($"a[href='/{sandbox.Handle}/verified_followers']")!.TextContent;
        Assert.Matches(@"^\d+,\d mil Seguidores$", followers.Trim());
    }

    [Fact]
    public async Task German_WritesTheCountsInAGermanInterfaceWithGermanNumbers_LeavingTheJsonAlone()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var id = await sandbox.PostAsync("Defaults are product decisions.");
        sandbox.Clock.Advance(TimeSpan.FromHours(12));

        var post = await sandbox.GetPageAsync($"/{sandbox.Handle}/status/{id}?sandbox_fault=german");
        var profile = await sandbox.GetPageAsync("/ai_signal_daily?sandbox_fault=German");
        using var json = await sandbox.GraphQlAsync("UserByScreenName", """{"screen_name":"ai_signal_daily"}""");

        const string Number = @"\d{1,3}(\.\d{3})*";
        const string Noun = "(Antworten?|Reposts?|„Gefällt mir“-Angaben?|Lesezeichen|Mal angezeigt)";
        var label = post.QuerySelector("[role='group']")!.GetAttribute("aria-label")!;
        Assert.Matches($"^{Number} {Noun}(, {Number} {Noun})*$", label);
        Assert.Contains("Mal angezeigt", label, StringComparison.Ordinal);
        Assert.EndsWith(". Beitragsanalysen anzeigen", post.QuerySelector($"a[href='/{sandbox.Handle}/status/{id}/analytics']")!.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Matches(@"^\d{2}\.\d{3} Follower$", Text(profile.QuerySelector("a[href='/ai_signal_daily/verified_followers']")!));
        Assert.EndsWith(" Folge ich", Text(profile.QuerySelector("a[href='/ai_signal_daily/following']")!), StringComparison.Ordinal);
        var followers = (await SandboxHost.ReadJsonAsync(json))["data"]!["user"]!["result"]!["relationship_counts"]!["followers"]!.GetValue<long>();
        Assert.Equal($"{followers / 1000}.{followers % 1000:000} Follower", Text(profile.QuerySelector("a[href='/ai_signal_daily/verified_followers']")!));
    }

    [Fact]
    public async Task LoginWall_RedirectsPagesAndRefusesTheApi()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();

        using var page = await sandbox.Client.GetAsync("/home?sandbox_fault=loginwall", TestContext.Current.CancellationToken);
        using var api = await sandbox.Client.GetAsync("/i/api/graphql/x/UserByScreenName?sandbox_fault=login-wall", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/i/flow/login?redirect_after_login=%2Fhome", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task LoginWall_WhileQueued_ShowsTheLoginFormToTheRefusedSession_ThenSendsItBackOnceTheWallIsGone()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        await sandbox.QueueFaultAsync("loginwall", "/home");
        const string Login = "/i/flow/login?redirect_after_login=%2Fhome";

        using var walled = await sandbox.Client.GetAsync(Login, TestContext.Current.CancellationToken);
        using var home = await sandbox.Client.GetAsync("/home", TestContext.Current.CancellationToken);
        using var after = await sandbox.Client.GetAsync(Login, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, walled.StatusCode);
        Assert.Contains("name=\"password\"", await walled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal((HttpStatusCode.Redirect, "/home"), (after.StatusCode, after.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task RateLimit_Answers429WithRetryAfter()
    {
        await using var sandbox = await SandboxHost.StartAsync(options => options.RateLimitRetryAfter = TimeSpan.FromSeconds(90));
        await sandbox.LogInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/home");
        request.Headers.Add("X-Sandbox-Fault", "ratelimit");

        using var response = await sandbox.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(90), response.Headers.RetryAfter!.Delta);
        Assert.Equal("0", response.Headers.GetValues("x-rate-limit-remaining").Single());
        Assert.Contains("Rate limit exceeded", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_Answers500WithXcomsMessage()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();

        using var response = await sandbox.Client.GetAsync("/home?sandbox_fault=error", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await SandboxHost.ParseAsync(response);
        Assert.Equal("Something went wrong. Try reloading.", page.QuerySelector("[data-testid='error-detail'] span")!.TextContent);
    }

    [Fact]
    public async Task AdminQueue_FaultsTheNextNMatchingRequestsOnly()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();

        using var queued = await sandbox.Client.SendAsync(
            sandbox.Admin(HttpMethod.Post, "/admin/faults", new { mode = "error", pathPrefix = "/search", count = 2 }),
            TestContext.Current.CancellationToken);
        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "/home", "/search?q=ai", "/search?q=ai", "/search?q=ai" })
        {
            using var response = await sandbox.Client.GetAsync(path, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, queued.StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task DefaultFault_AppliesToEveryRequestButTheAdminApi()
    {
        await using var sandbox = await SandboxHost.StartAsync(options => options.DefaultFault = SandboxFaultMode.RateLimit);

        using var login = await sandbox.Client.GetAsync("/i/flow/login", TestContext.Current.CancellationToken);
        using var admin = await sandbox.Client.SendAsync(sandbox.Admin(HttpMethod.Get, "/admin/clock"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task UnknownFault_IsABadRequest()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        using var response = await sandbox.Client.GetAsync("/home?sandbox_fault=meteor", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string Text(AngleSharp.Dom.IElement element) => string.Join(' ', element.TextContent.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
