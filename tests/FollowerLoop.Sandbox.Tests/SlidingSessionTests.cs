using System.Net;

namespace FollowerLoop.Sandbox.Tests;

/// <summary>Sessions slide like x.com's: every page served with one re-issues its cookies and extends it by a full lifetime.</summary>
public sealed class SlidingSessionTests
{
    [Fact]
    public async Task Page_ReissuesBothCookiesWithAFullLifetime_KeepingTheirValuesAndOptions()
    {
        await using var sandbox = await SandboxHost.StartAsync(options => options.SessionLifetime = TimeSpan.FromDays(2));
        await sandbox.LogInAsync();
        var token = sandbox.Cookie("auth_token");
        var csrf = sandbox.Cookie("ct0");

        using var response = await sandbox.Client.GetAsync("/home", TestContext.Current.CancellationToken);

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var auth = Assert.Single(cookies, cookie => cookie.StartsWith("auth_token=", StringComparison.Ordinal));
        var ct0 = Assert.Single(cookies, cookie => cookie.StartsWith("ct0=", StringComparison.Ordinal));
        Assert.StartsWith($"auth_token={token};", auth, StringComparison.Ordinal);
        Assert.Contains("max-age=172800", auth, StringComparison.Ordinal);
        Assert.Contains("path=/", auth, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", auth, StringComparison.Ordinal);
        Assert.Contains("httponly", auth, StringComparison.Ordinal);
        Assert.StartsWith($"ct0={csrf};", ct0, StringComparison.Ordinal);
        Assert.Contains("max-age=172800", ct0, StringComparison.Ordinal);
        Assert.DoesNotContain("httponly", ct0, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_UsedWithinItsLifetime_OutlivesItsFirstExpiry()
    {
        await using var sandbox = await SandboxHost.StartAsync(options => options.SessionLifetime = TimeSpan.FromDays(2));
        await sandbox.LogInAsync();

        sandbox.Clock.Advance(TimeSpan.FromDays(1.5));
        using var midway = await sandbox.Client.GetAsync("/home", TestContext.Current.CancellationToken);
        sandbox.Clock.Advance(TimeSpan.FromDays(1.5));
        using var pastFirstExpiry = await sandbox.Client.GetAsync("/home", TestContext.Current.CancellationToken);
        sandbox.Clock.Advance(TimeSpan.FromDays(2));
        using var unusedForALifetime = await sandbox.Client.GetAsync("/home", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, midway.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pastFirstExpiry.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, unusedForALifetime.StatusCode);
    }
}
