using FollowerLoop.Storage;
using FollowerLoop.Time;
using FollowerLoop.Worker.Dashboard;
using FollowerLoop.Worker.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Bench.Dashboard;

/// <summary>
/// The worker's dashboard pages alone, on a loopback port: storage, the clock and the account, but no
/// Hangfire servers, Redis or browser, so the timings are the pages' own.
/// </summary>
internal static class DashboardHost
{
    public static async Task<(WebApplication App, Uri Address)> StartAsync(string connectionString, string account, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            [$"{DatabaseOptions.SectionName}:ConnectionString"] = connectionString,
            [$"{AccountOptions.SectionName}:Handle"] = account,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddClock();
        builder.AddStorage();
        builder.Services.AddOptions<AccountOptions>().Bind(builder.Configuration.GetSection(AccountOptions.SectionName));
        builder.Services.Configure<DashboardOptions>(builder.Configuration.GetSection(DashboardOptions.SectionName));
        var app = builder.Build();
        app.MapDashboard();
        await app.StartAsync(cancellationToken);
        // After start the listen address holds the port the OS picked.
        var address = app.Urls.First();
        return (app, new Uri(address));
    }
}
