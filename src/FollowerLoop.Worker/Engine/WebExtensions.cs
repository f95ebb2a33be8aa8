using FollowerLoop.Worker.Dashboard.Shared;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Worker.Engine;

internal static class WebExtensions
{
    /// <summary>The host names that answer when <c>AllowedHosts</c> is not set: a workstation's own.</summary>
    public static IReadOnlyList<string> LoopbackHosts { get; } = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>What FollowerLoop's own dashboards need.</summary>
    /// <param name="trustLoopback">The default of <c>Dashboard:TrustLoopback</c> for this command.</param>
    public static IHostApplicationBuilder AddDashboardServices(this IHostApplicationBuilder builder, bool trustLoopback)
    {
        builder.Services.AddOptionsWithValidateOnStart<DashboardOptions>()
            .Configure(options => options.TrustLoopback = trustLoopback)
            .BindStrictly(builder.Configuration.GetSection(DashboardOptions.SectionName));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>());
        // The dashboard's state-changing forms (reply drafts, the jobs page) carry a token bound to the visitor's cookie.
        builder.Services.AddAntiforgery();
        // ASP.NET Core's host filtering lets any Host through when AllowedHosts is unset; a page on another site whose
        // name is rebound to 127.0.0.1 (DNS rebinding) would then read and drive the dashboards.
        if (string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"]))
        {
            builder.Services.Configure<HostFilteringOptions>(options => options.AllowedHosts = [.. LoopbackHosts]);
        }

        // First of the start-up filters, so it also wraps the host filtering's 400.
        builder.Services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, SecurityHeaders>());
        // A query value that does not bind (page=abc) is thrown to the dashboard's gate, which says why, not answered with a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    /// <summary>The health probe at /healthz: the database answers.</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", async (Npgsql.NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return Results.Ok(new { status = "ok" });
        });
        return app;
    }
}
