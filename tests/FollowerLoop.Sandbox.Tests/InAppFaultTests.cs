using System.Net;

namespace FollowerLoop.Sandbox.Tests;

/// <summary>The faults x.com's client shows inside the app with status 200: only the page's text and its GraphQL call tell.</summary>
public sealed class InAppFaultTests
{
    [Fact]
    public async Task SpaError_ProfileAnswers200WithErrorDetail_AndStillNamesItsGraphQlCall()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        await sandbox.QueueFaultAsync("spaerror", $"/{sandbox.Handle}");

        var page = await sandbox.GetPageAsync($"/{sandbox.Handle}");

        Assert.Equal("Something went wrong. Try reloading.", page.QuerySelector("[data-testid='error-detail'] span")!.TextContent);
        Assert.Equal("Retry", page.QuerySelector("[data-testid='error-detail'] button")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-testid='AppTabBar_Home_Link']"));
        Assert.Null(page.QuerySelector("[data-testid='UserName']"));
        var config = SandboxHost.PageConfig(page);
        Assert.Equal("profile", config["page"]!.GetValue<string>());
        Assert.Equal(sandbox.Handle, config["screenName"]!.GetValue<string>());
    }

    [Fact]
    public async Task SpaError_StatusPageNamesTweetDetail_WhoseOwnCallCanBeRateLimitedSeparately()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var id = await sandbox.PostAsync("Errors are states too.");
        await sandbox.QueueFaultAsync("spa-error", $"/{sandbox.Handle}/status/{id}");
        await sandbox.QueueFaultAsync("ratelimit", "/i/api/graphql");

        var page = await sandbox.GetPageAsync($"/{sandbox.Handle}/status/{id}");
        using var call = await sandbox.GraphQlAsync("TweetDetail", $$"""{"focalTweetId":"{{id}}"}""");

        var config = SandboxHost.PageConfig(page);
        Assert.Equal("status", config["page"]!.GetValue<string>());
        Assert.Equal(id, config["focalTweetId"]!.GetValue<string>());
        Assert.NotNull(page.QuerySelector("[data-testid='error-detail']"));
        Assert.Equal(HttpStatusCode.TooManyRequests, call.StatusCode);
        Assert.True(long.Parse(call.Headers.GetValues("x-rate-limit-reset").Single(), System.Globalization.CultureInfo.InvariantCulture) > sandbox.Clock.GetUtcNow().ToUnixTimeSeconds());
    }

    [Fact]
    public async Task SpaError_OnGraphQl_IsTheErrorFault()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        await sandbox.QueueFaultAsync("spaerror", "/i/api/graphql");

        using var call = await sandbox.GraphQlAsync("UserByScreenName", $$"""{"screen_name":"{{sandbox.Handle}}"}""");

        Assert.Equal(HttpStatusCode.InternalServerError, call.StatusCode);
        Assert.Equal(131, (await SandboxHost.ReadJsonAsync(call))["errors"]![0]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task RateLimitPage_Answers200WithTheRateLimitTextAndHeaders()
    {
        await using var sandbox = await SandboxHost.StartAsync(options => options.RateLimitRetryAfter = TimeSpan.FromSeconds(90));
        await sandbox.LogInAsync();

        using var response = await sandbox.Client.GetAsync($"/{sandbox.Handle}?sandbox_fault=ratelimitpage", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0", response.Headers.GetValues("x-rate-limit-remaining").Single());
        Assert.Equal(
            (sandbox.Clock.GetUtcNow().ToUnixTimeSeconds() + 90).ToString(System.Globalization.CultureInfo.InvariantCulture),
            response.Headers.GetValues("x-rate-limit-reset").Single());
        var page = await SandboxHost.ParseAsync(response);
        Assert.Equal(
            "Rate limit exceeded. Sorry, you are rate limited. Please wait a few moments then try again.",
            page.QuerySelector("[data-testid='error-detail'] span")!.TextContent);
        Assert.Equal("profile", SandboxHost.PageConfig(page)["page"]!.GetValue<string>());
    }

    [Fact]
    public async Task RateLimitPage_OnGraphQl_Answers429WithCode88()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/i/api/graphql/any/UserByScreenName?variables={Uri.EscapeDataString("{\"screen_name\":\"fl_demo\"}")}");
        request.Headers.Add("X-Sandbox-Fault", "rate-limit-page");
        using var call = await sandbox.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, call.StatusCode);
        Assert.Equal(88, (await SandboxHost.ReadJsonAsync(call))["errors"]![0]!["code"]!.GetValue<int>());
    }
}
