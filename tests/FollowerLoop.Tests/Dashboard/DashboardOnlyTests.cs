using System.Net;
using FollowerLoop.Scheduling;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Worker.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FollowerLoop.Tests.Dashboard;

/// <summary><c>followerloop dashboard</c>, as deployed beside the Functions app: the pages, without X credentials and without running any job.</summary>
public sealed class DashboardOnlyTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Dashboard_StartsWithoutXSettings_ServesTheJobsPage_AndRunsNoJob()
    {
        await using var hub = new AzuriteTaskHub();
        // Deployed, it trusts no address: the credentials are asked of every visitor, loopback included.
        await using var app = DashboardPages.App(db, "fl_dashonly", hub, "--Dashboard:Password=dashboard-only-password");
        Assert.True(HostFactory.TryValidate(app.Services, out var problems), problems);
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), service => service is TimerJobRunner);

        await app.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var refused = await http.GetAsync("/dashboard/jobs", TestContext.Current.CancellationToken);
        http.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String("admin:dashboard-only-password"u8.ToArray()));
        using var response = await http.GetAsync("/dashboard/jobs", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-job=\"Posting\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }
}
