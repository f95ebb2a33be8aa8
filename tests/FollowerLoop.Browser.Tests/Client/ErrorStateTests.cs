using FollowerLoop.X;

namespace FollowerLoop.Browser.Tests.Client;

/// <summary>
/// x.com's error states, which its app shows with HTTP 200 (the sandbox's SPA fault modes): each a distinct
/// error, retryable or definitive, told by the page's own GraphQL call where it says, by the page otherwise.
/// </summary>
public sealed class ErrorStateTests(BrowserFixture fixture) : SandboxTest(fixture)
{
    private const string GraphQlPath = "/i/api/graphql";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string StatusPath(string id) => $"/{SandboxServer.Handle}/status/{id}";

    private static string ProfilePath => $"/{SandboxServer.Handle}";

    [Fact]
    public async Task SomethingWentWrong_WhileTheCallIsRateLimited_IsARateLimitWithXsReset()
    {
        var error = await MetricsErrorAsync(("spaerror", StatusPath(Fixture.SeasonedPost.Id)), ("ratelimit", GraphQlPath));

        Assert.Equal((XErrorKind.RateLimited, true, SandboxServer.RateLimitWait), (error.Kind, error.IsRetryable, error.RetryAfter));
    }

    [Fact]
    public async Task SomethingWentWrong_WhileTheCallFailed_IsRetryableUnavailable()
    {
        var error = await MetricsErrorAsync(("spaerror", StatusPath(Fixture.SeasonedPost.Id)), ("error", GraphQlPath));

        Assert.Equal((XErrorKind.Unavailable, true), (error.Kind, error.IsRetryable));
        Assert.Contains("try again later", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateLimitPage_WithStatus200_IsARateLimitWithTheReset_NotAnElementTimeout()
    {
        // x.com shows it because the page's own call was rate-limited.
        var error = await MetricsErrorAsync(("ratelimitpage", StatusPath(Fixture.SeasonedPost.Id)), ("ratelimit", GraphQlPath));

        Assert.Equal((XErrorKind.RateLimited, true, SandboxServer.RateLimitWait), (error.Kind, error.IsRetryable, error.RetryAfter));
        Assert.DoesNotContain("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedPost_IsDefinitiveNotFound()
    {
        var error = await MetricsErrorAsync(("deleted", StatusPath(Fixture.SeasonedPost.Id)), ("deleted", GraphQlPath));

        Assert.Equal((XErrorKind.NotFound, false), (error.Kind, error.IsRetryable));
    }

    [Fact]
    public async Task ProtectedPost_IsDefinitiveProtected()
    {
        var error = await MetricsErrorAsync(("protected", StatusPath(Fixture.SeasonedPost.Id)), ("protected", GraphQlPath));

        Assert.Equal((XErrorKind.Protected, false), (error.Kind, error.IsRetryable));
    }

    [Fact]
    public async Task SuspendedAccount_IsDefinitiveSuspended()
    {
        var error = await Assert.ThrowsAsync<XClientException>(() => UnderFaultsAsync(
            () => Fixture.CreateClient().GetProfileAsync(SandboxServer.Handle, Ct),
            ("suspended", ProfilePath),
            ("suspended", GraphQlPath)));

        Assert.Equal((XErrorKind.Suspended, false), (error.Kind, error.IsRetryable));
    }

    [Fact]
    public async Task LockedAccount_IsDefinitive_AndSaysWhereToUnlockIt()
    {
        var error = await MetricsErrorAsync(("locked", StatusPath(Fixture.SeasonedPost.Id)));

        Assert.Equal((XErrorKind.Locked, false), (error.Kind, error.IsRetryable));
        Assert.Contains("/account/access", error.Message, StringComparison.Ordinal);
        Assert.Contains("followerloop x login", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingPage_WithStatus200_IsDefinitiveNotFound()
    {
        var error = await Assert.ThrowsAsync<XClientException>(() =>
            Fixture.CreateClient().GetTweetMetricsAsync(SandboxServer.Handle, "1999999999999999999", Ct));

        Assert.Equal((XErrorKind.NotFound, false), (error.Kind, error.IsRetryable));
    }

    private Task<XClientException> MetricsErrorAsync(params (string Mode, string Path)[] faults) =>
        Assert.ThrowsAsync<XClientException>(() => UnderFaultsAsync(
            () => Fixture.CreateClient().GetTweetMetricsAsync(SandboxServer.Handle, Fixture.SeasonedPost.Id, Ct),
            faults));
}
