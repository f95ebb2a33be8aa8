using System.Net;

namespace FollowerLoop.Sandbox.Tests;

/// <summary>The <c>challenge</c> fault: a correct login held at x.com's confirmation-code step.</summary>
public sealed class LoginChallengeTests
{
    [Fact]
    public async Task Challenge_RightPassword_LeadsToTheCodePageWithoutASession()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.QueueFaultAsync("challenge", "/i/flow/login", count: 2);

        var form = await sandbox.GetPageAsync("/i/flow/login");
        using var login = await PostLoginAsync(sandbox);
        var challenge = await sandbox.GetPageAsync(login.Headers.Location!.OriginalString);
        using var home = await sandbox.Client.GetAsync("/home", TestContext.Current.CancellationToken);

        Assert.NotNull(form.QuerySelector("[data-testid='LoginForm_Login_Button']"));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/account/login_challenge", login.Headers.Location!.OriginalString);
        Assert.Null(sandbox.Cookie("auth_token"));
        Assert.Equal("Help us keep your account safe.", challenge.QuerySelector("h1")!.TextContent);
        Assert.Contains("Enter the confirmation code we sent to your email.", challenge.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(challenge.QuerySelector("input[name='text'][data-testid='ocfEnterTextTextInput']"));
        Assert.Equal("Next", challenge.QuerySelector("[data-testid='ocfEnterTextNextButton']")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/i/flow/login", home.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Challenge_WrongCodeShowsThePageAgain_RightCodeOpensAUsableSession()
    {
        await using var sandbox = await SandboxHost.StartAsync(options => options.ChallengeCode = "135790");
        await sandbox.QueueFaultAsync("challenge", "/i/flow/login");
        using var login = await PostLoginAsync(sandbox);

        using var wrong = await PostCodeAsync(sandbox, "424242");
        var wrongPage = await SandboxHost.ParseAsync(wrong);
        var noSessionYet = sandbox.Cookie("auth_token");
        using var right = await PostCodeAsync(sandbox, "135790");
        var home = await sandbox.GetPageAsync("/home");
        using var reused = await PostCodeAsync(sandbox, "135790");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Wrong code", wrongPage.QuerySelector("[data-testid='toast']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(wrongPage.QuerySelector("[data-testid='ocfEnterTextTextInput']"));
        Assert.Null(noSessionYet);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/home", right.Headers.Location!.OriginalString);
        var authCookie = Assert.Single(right.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("auth_token=", StringComparison.Ordinal));
        Assert.Contains("httponly", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(sandbox.Cookie("ct0"));
        Assert.NotNull(home.QuerySelector("[data-testid='tweetTextarea_0']"));
        Assert.Equal("/i/flow/login", reused.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ChallengePage_WithoutAPendingLogin_GoesBackToTheLoginForm()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        using var response = await sandbox.Client.GetAsync("/account/login_challenge", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/i/flow/login", response.Headers.Location!.OriginalString);
    }

    private static Task<HttpResponseMessage> PostLoginAsync(SandboxHost sandbox) =>
        sandbox.Client.PostAsync(
            "/i/flow/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = sandbox.Handle, ["password"] = sandbox.Options.Password }),
            TestContext.Current.CancellationToken);

    private static Task<HttpResponseMessage> PostCodeAsync(SandboxHost sandbox, string code) =>
        sandbox.Client.PostAsync(
            "/account/login_challenge",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = code }),
            TestContext.Current.CancellationToken);
}
