using System.Net;
using System.Text;
using FollowerLoop.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace FollowerLoop.Tests.Engine;

/// <summary>
/// The dashboard app on a test database, started twice: trusting loopback (as <c>run</c> on a workstation does) and
/// with the <c>dashboard</c> command's defaults (deployed: no address trusted). Both take the same basic-auth credentials.
/// </summary>
public sealed class DashboardSecurityFixture : IAsyncLifetime
{
    public const string Account = "fl_security";
    public const string Password = "dashboard-security-password";

    private readonly AzuriteTaskHub _hub = new();

    public PostgresDatabase Database { get; } = new();

    /// <summary><c>Dashboard:TrustLoopback=true</c>.</summary>
    public WebApplication Trusting { get; private set; } = null!;

    /// <summary>The <c>dashboard</c> command's defaults.</summary>
    public WebApplication Deployed { get; private set; } = null!;

    public static string Credentials(string password = Password) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{password}"));

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        Trusting = DashboardPages.App(Database, Account, _hub, $"--Dashboard:Password={Password}", "--Dashboard:TrustLoopback=true");
        Deployed = DashboardPages.App(Database, Account, _hub, $"--Dashboard:Password={Password}");
        await Trusting.StartAsync();
        await Deployed.StartAsync();
    }

    /// <summary>A client of <paramref name="app"/> that keeps cookies and does not follow redirects.</summary>
    public static HttpClient Client(WebApplication app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(app.Urls.First()) };

    public async ValueTask DisposeAsync()
    {
        foreach (var app in new[] { Trusting, Deployed })
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }

        await _hub.DisposeAsync();
        await Database.DisposeAsync();
    }
}
