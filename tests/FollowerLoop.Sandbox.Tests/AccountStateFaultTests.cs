using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;

namespace FollowerLoop.Sandbox.Tests;

/// <summary>Faults that put the post or account in another state (deleted, protected, suspended, locked), on the page and in its GraphQL.</summary>
public sealed class AccountStateFaultTests
{
    [Fact]
    public async Task Deleted_StatusPageSaysThePageDoesNotExist_AndTweetDetailAnswersCode144()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var (page, status, json) = await PostUnderFaultAsync(sandbox, "deleted");

        Assert.Contains("Hmm...this page doesn’t exist. Try searching for something else.", page.QuerySelector("[data-testid='error-detail']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("article[data-testid='tweet']"));
        Assert.Equal(HttpStatusCode.OK, status);
        var error = json["errors"]![0]!;
        Assert.Equal(144, error["code"]!.GetValue<int>());
        Assert.Equal("_Missing: No status found with that ID.", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleted_ProfileSaysTheAccountDoesNotExist_AndUserByScreenNameHasAnEmptyUser()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var (page, status, json) = await PageAndCallAsync(sandbox, "deleted", "/ai_signal_daily", "UserByScreenName", """{"screen_name":"ai_signal_daily"}""");

        Assert.Equal("This account doesn’t exist", page.QuerySelector("[data-testid='empty_state_header_text']")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid='UserName']"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"data":{"user":{}}}""", json.ToJsonString());
    }

    [Fact]
    public async Task Protected_StatusPageShowsTheProtectedState_AndTweetDetailATweetUnavailable()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var (page, status, json) = await PostUnderFaultAsync(sandbox, "protected");

        Assert.Equal("These posts are protected", page.QuerySelector("[data-testid='error-detail'] [data-testid='empty_state_header_text']")!.TextContent);
        Assert.Equal(
            $"Only approved followers can see @{sandbox.Handle}’s posts. To request access, click Follow.",
            page.QuerySelector("[data-testid='empty_state_body_text']")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid='tweetText']"));
        Assert.Equal("status", SandboxHost.PageConfig(page)["page"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"__typename":"TweetUnavailable","reason":"Protected"}""", FocalResult(json).ToJsonString());
    }

    [Fact]
    public async Task Protected_ProfileKeepsItsHeaderButNotItsPosts_AndUserByScreenNameIsProtected()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        await sandbox.PostAsync("Visible only to approved followers.");
        await sandbox.QueueFaultAsync("protected", $"/{sandbox.Handle}");

        var page = await sandbox.GetPageAsync($"/{sandbox.Handle}");
        using var call = await sandbox.GraphQlAsync("UserByScreenName", $$"""{"screen_name":"{{sandbox.Handle}}"}""");
        using var protectedRequest = new HttpRequestMessage(HttpMethod.Get, $"/i/api/graphql/any/UserByScreenName?variables={Uri.EscapeDataString($$"""{"screen_name":"{{sandbox.Handle}}"}""")}");
        protectedRequest.Headers.Add("X-Sandbox-Fault", "protected");
        using var protectedCall = await sandbox.Client.SendAsync(protectedRequest, TestContext.Current.CancellationToken);

        Assert.NotNull(page.QuerySelector("[data-testid='UserName']"));
        Assert.Equal("These posts are protected", page.QuerySelector("[data-testid='emptyState'] [data-testid='empty_state_header_text']")!.TextContent);
        Assert.Null(page.QuerySelector("article[data-testid='tweet']"));
        Assert.False(UserResult(await SandboxHost.ReadJsonAsync(call))["privacy"]!["protected"]!.GetValue<bool>());
        var user = UserResult(await SandboxHost.ReadJsonAsync(protectedCall));
        Assert.True(user["privacy"]!["protected"]!.GetValue<bool>());
        Assert.Equal(sandbox.Handle, user["core"]!["screen_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Suspended_ProfileHasNoHeaderButTheSuspendedState_AndUserByScreenNameAUserUnavailable()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var (page, status, json) = await PageAndCallAsync(sandbox, "suspended", "/ai_signal_daily", "UserByScreenName", """{"screen_name":"ai_signal_daily"}""");

        Assert.Equal("Account suspended", page.QuerySelector("[data-testid='empty_state_header_text']")!.TextContent);
        Assert.Equal("X suspends accounts which violate the X Rules.", page.QuerySelector("[data-testid='empty_state_body_text']")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid='UserName']"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            """{"data":{"user":{"result":{"__typename":"UserUnavailable","reason":"Suspended","message":"User is suspended"}}}}""",
            json.ToJsonString());
    }

    [Fact]
    public async Task Suspended_StatusPageSaysThePostIsFromASuspendedAccount_AndTweetDetailATweetUnavailable()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var (page, status, json) = await PostUnderFaultAsync(sandbox, "suspended");

        Assert.Equal("This post is from a suspended account.", page.QuerySelector("[data-testid='empty_state_header_text']")!.TextContent);
        Assert.Null(page.QuerySelector("article[data-testid='tweet']"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"__typename":"TweetUnavailable","reason":"Suspended"}""", FocalResult(json).ToJsonString());
    }

    [Fact]
    public async Task Locked_PagesRedirectToTheAccessPage_GraphQlAnswersCode326_TheApi403()
    {
        await using var sandbox = await SandboxHost.StartAsync(options => options.DefaultFault = SandboxFaultMode.Locked);
        await sandbox.LogInAsync();

        using var home = await sandbox.Client.GetAsync("/home", TestContext.Current.CancellationToken);
        var access = await sandbox.GetPageAsync(home.Headers.Location!.OriginalString);
        using var call = await sandbox.GraphQlAsync("UserByScreenName", $$"""{"screen_name":"{{sandbox.Handle}}"}""");
        using var api = await sandbox.Client.SendAsync(sandbox.Api(HttpMethod.Get, "/2/users/me"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/access", home.Headers.Location!.OriginalString);
        Assert.Equal("Your account has been locked.", access.QuerySelector("h1")!.TextContent);
        Assert.Contains("We’ve temporarily limited some of your account features", access.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Start", access.QuerySelector("[data-testid='access-start']")!.TextContent.Trim());
        Assert.Equal("access", SandboxHost.PageConfig(access)["page"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        var error = (await SandboxHost.ReadJsonAsync(call))["errors"]![0]!;
        Assert.Equal(326, error["code"]!.GetValue<int>());
        Assert.StartsWith("To protect our users from spam and other malicious activity, this account is temporarily locked.", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(403, (await SandboxHost.ReadJsonAsync(api))["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Locked_AccessPageStillNeedsASession()
    {
        await using var sandbox = await SandboxHost.StartAsync(options => options.DefaultFault = SandboxFaultMode.Locked);

        using var response = await sandbox.Client.GetAsync("/account/access", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/i/flow/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    // A new post's page and its TweetDetail call, each faulted on its own, as main.js makes the call after the page.
    private static async Task<(IDocument Page, HttpStatusCode Status, JsonNode Json)> PostUnderFaultAsync(SandboxHost sandbox, string fault)
    {
        var id = await sandbox.PostAsync("A post whose account changes state.");
        return await PageAndCallAsync(sandbox, fault, $"/{sandbox.Handle}/status/{id}", "TweetDetail", $$"""{"focalTweetId":"{{id}}"}""");
    }

    private static async Task<(IDocument Page, HttpStatusCode Status, JsonNode Json)> PageAndCallAsync(SandboxHost sandbox, string fault, string pagePath, string operation, string variablesJson)
    {
        await sandbox.QueueFaultAsync(fault, pagePath);
        await sandbox.QueueFaultAsync(fault, "/i/api/graphql");
        var page = await sandbox.GetPageAsync(pagePath);
        using var call = await sandbox.GraphQlAsync(operation, variablesJson);
        return (page, call.StatusCode, await SandboxHost.ReadJsonAsync(call));
    }

    private static JsonNode FocalResult(JsonNode json) =>
        json["data"]!["threaded_conversation_with_injections_v2"]!["instructions"]![0]!["entries"]![0]!["content"]!["itemContent"]!["tweet_results"]!["result"]!;

    private static JsonNode UserResult(JsonNode json) => json["data"]!["user"]!["result"]!;
}
