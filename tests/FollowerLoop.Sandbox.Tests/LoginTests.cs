using System.Net;

namespace FollowerLoop.Sandbox.Tests;

public sealed class LoginTests
{
    [Theory]
    [InlineData("/home")]
    [InlineData("/fl_demo")]
    [InlineData("/search?q=ai&f=live")]
    public async Task Page_WithoutSession_RedirectsToLoginFlow(string path)
    {
        await using var sandbox = await SandboxHost.StartAsync();

        using var response = await sandbox.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/i/flow/login?redirect_after_login={Uri.EscapeDataString(path)}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task LoginPage_HasXcomFormFields()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        var page = await sandbox.GetPageAsync("/i/flow/login");

        Assert.NotNull(page.QuerySelector("input[name='text'][autocomplete='username']"));
        Assert.NotNull(page.QuerySelector("input[name='password'][type='password']"));
        Assert.NotNull(page.QuerySelector("[data-testid='LoginForm_Login_Button']"));
    }

    [Fact]
    public async Task Login_WithRightPassword_SetsHttpOnlySessionCookieAndOpensHome()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        using var response = await sandbox.Client.PostAsync(
            "/i/flow/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "@FL_Demo", ["password"] = "sandbox-password" }),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/home", response.Headers.Location!.OriginalString);
        var authCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("auth_token=", StringComparison.Ordinal));
        Assert.Contains("httponly", authCookie, StringComparison.OrdinalIgnoreCase);
        var home = await sandbox.GetPageAsync("/home");
        Assert.NotNull(home.QuerySelector("div[data-testid='tweetTextarea_0'][role='textbox'][contenteditable='true']"));
    }

    [Fact]
    public async Task Login_WithWrongPassword_ShowsToastAndSetsNoSession()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        using var response = await sandbox.Client.PostAsync(
            "/i/flow/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = sandbox.Handle, ["password"] = "nope" }),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SandboxHost.ParseAsync(response);
        Assert.Equal("Wrong password!", page.QuerySelector("[data-testid='toast']")!.TextContent.Trim());
        Assert.Null(sandbox.Cookie("auth_token"));
    }

    [Fact]
    public async Task Login_RedirectsBackToWhereTheUserWasGoing()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        using var response = await sandbox.Client.PostAsync(
            "/i/flow/login",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["text"] = sandbox.Handle,
                ["password"] = "sandbox-password",
                ["redirect_after_login"] = "/search?q=ai",
            }),
            TestContext.Current.CancellationToken);

        Assert.Equal("/search?q=ai", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Session_ExpiredByAdmin_SendsPagesBackToLogin()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();

        using var expire = await sandbox.Client.SendAsync(sandbox.Admin(HttpMethod.Post, "/admin/sessions/expire"), TestContext.Current.CancellationToken);
        using var response = await sandbox.Client.GetAsync("/home", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, expire.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/i/flow/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_OutlivedOnTheSandboxClock_SendsPagesBackToLogin()
    {
        await using var sandbox = await SandboxHost.StartAsync(options => options.SessionLifetime = TimeSpan.FromDays(2));
        await sandbox.LogInAsync();

        sandbox.Clock.Advance(TimeSpan.FromDays(2));
        using var response = await sandbox.Client.GetAsync("/home", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Api_WithoutSession_Answers401WithXcomCode32()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        using var response = await sandbox.Client.GetAsync("/i/api/graphql/x/UserByScreenName?variables=%7B%22screen_name%22%3A%22fl_demo%22%7D", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(32, (await SandboxHost.ReadJsonAsync(response))["errors"]![0]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateTweet_WithoutCsrfHeader_IsForbiddenWithCode353()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();

        using var response = await sandbox.CreateTweetAsync("Hello from a forged form", withCsrf: false);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(353, (await SandboxHost.ReadJsonAsync(response))["errors"]![0]!["code"]!.GetValue<int>());
        Assert.Empty(sandbox.World.GetPosts());
    }
}
