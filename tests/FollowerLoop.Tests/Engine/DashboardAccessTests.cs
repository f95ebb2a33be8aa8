using System.Net;
using System.Text;
using FollowerLoop.Worker.Dashboard.Shared;
using Microsoft.AspNetCore.Http;

namespace FollowerLoop.Tests.Engine;

public sealed class DashboardAccessTests
{
    private static readonly DashboardOptions WithPassword = new() { Username = "admin", Password = "s3cret" };
    private static readonly DashboardOptions TrustingLoopback = new() { TrustLoopback = true };

    private static DefaultHttpContext Request(string remote, string? basic = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (basic is not null)
        {
            context.Request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(basic));
        }

        return context;
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void Loopback_WhenTrusted_IsOpen_EvenWithoutAPassword(string remote) =>
        Assert.True(DashboardAccess.IsAllowed(Request(remote), TrustingLoopback));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void Loopback_WhenNotTrusted_NeedsTheCredentials(string remote)
    {
        var options = new DashboardOptions { Password = "s3cret" };

        Assert.False(DashboardAccess.IsAllowed(Request(remote), options));
        Assert.True(DashboardAccess.IsAllowed(Request(remote, "admin:s3cret"), options));
    }

    [Theory]
    [InlineData("Forwarded", "for=203.0.113.7")]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-Forwarded-Host", "dashboard.example")]
    [InlineData("X-Forwarded-Proto", "https")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    [InlineData("X-Original-For", "203.0.113.7:5123")]
    public void TrustedLoopback_WithAForwardingHeader_IsAProxy_AndNeedsTheCredentials(string header, string value)
    {
        var request = Request("127.0.0.1");
        request.Request.Headers[header] = value;

        Assert.False(DashboardAccess.IsAllowed(request, TrustingLoopback));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("admin:wrong")]
    [InlineData("root:s3cret")]
    public void Remote_WithoutTheRightCredentials_IsRefused(string? basic) =>
        Assert.False(DashboardAccess.IsAllowed(Request("203.0.113.7", basic), WithPassword));

    [Fact]
    public void Remote_WithTheConfiguredCredentials_IsAllowed() =>
        Assert.True(DashboardAccess.IsAllowed(Request("203.0.113.7", "admin:s3cret"), WithPassword));

    [Fact]
    public void Remote_WhenNoPasswordIsConfigured_IsAlwaysRefused() =>
        Assert.False(DashboardAccess.IsAllowed(Request("203.0.113.7", "admin:"), new DashboardOptions()));

    [Fact]
    public void Refusal_AsksForBasicCredentials()
    {
        var context = Request("203.0.113.7");

        DashboardAccess.Challenge(context);

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        Assert.StartsWith("Basic", context.Response.Headers.WWWAuthenticate.ToString(), StringComparison.Ordinal);
    }
}
