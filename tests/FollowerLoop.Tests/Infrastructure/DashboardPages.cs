using System.Text.RegularExpressions;
using FollowerLoop.Scheduling;
using FollowerLoop.Worker.Commands;
using FollowerLoop.Worker.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FollowerLoop.Tests.Infrastructure;

/// <summary>
/// The dashboard on a test database: the pages' queries and components without the web app (the clock held at a fixed
/// time), or the <c>followerloop dashboard</c> app itself.
/// </summary>
internal static class DashboardPages
{
    /// <summary>The dashboard-only app (as deployed beside the Functions app) on a free loopback port, not yet started.</summary>
    /// <param name="settings">More command-line settings (<c>--Dashboard:Password=…</c>).</param>
    public static WebApplication App(PostgresDatabase db, string account, AzuriteTaskHub hub, params string[] settings) => WorkerApp.BuildDashboard(
    [
        "--urls=http://127.0.0.1:0",
        "--Logging:LogLevel:Default=Warning",
        $"--Database:ConnectionString={db.ConnectionString}",
        $"--Redis:Configuration={TestEnvironment.Redis}",
        $"--Account:Handle={account}",
        $"--DurableTask:Storage={TestEnvironment.Azurite}",
        $"--DurableTask:HubName={hub.Name}",
        .. settings,
    ]);

    public static IHost Host(PostgresDatabase db, string account, DateTimeOffset now)
    {
        var builder = HostFactory.CreateBuilder(b => b.AddFollowerLoopCore().AddJobs());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Account:Handle"] = account,
            ["Database:ConnectionString"] = db.ConnectionString,
            ["Redis:Configuration"] = TestEnvironment.Redis,
        });
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
        return builder.Build();
    }

    /// <summary>The page's HTML with the whitespace between tags removed, so tests can match a row in one pattern.</summary>
    public static async Task<string> RenderAsync<TPage>(IHost host, object model)
        where TPage : IComponent
    {
        await using var renderer = new HtmlRenderer(host.Services, host.Services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = model }))).ToHtmlString());
        return Regex.Replace(html, @">\s+<", "><");
    }
}
