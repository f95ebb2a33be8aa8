using FollowerLoop.Sandbox.Web.Admin;
using FollowerLoop.Sandbox.Web.Api;
using FollowerLoop.Sandbox.Web.Assets;
using FollowerLoop.Sandbox.Web.Faults;
using FollowerLoop.Sandbox.Web.GraphQl;
using FollowerLoop.Sandbox.Web.Pages;
using FollowerLoop.Sandbox.World;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Sandbox;

/// <summary>Builds the sandbox web app. Callers start it (<c>await app.StartAsync()</c>) and read <see cref="GetBaseAddress"/>.</summary>
public static class SandboxApp
{
    /// <summary>An unstarted app for <paramref name="options"/>; throws OptionsValidationException naming any bad setting.</summary>
    /// <param name="clock">The clock to run on when the caller shares one with its own services (the demo); else the options' clock.</param>
    public static WebApplication Build(SandboxOptions options, TimeProvider? clock = null)
    {
        SandboxOptionsValidator.ThrowIfInvalid(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Services.AddSandbox(options, clock);

        var app = builder.Build();
        if (options.ApiLatencyMs > 0)
        {
            app.UseMiddleware<ApiLatencyMiddleware>();
        }

        app.UseMiddleware<FaultMiddleware>();
        app.MapAssets();
        app.MapLogin();
        app.MapLoginChallenge();
        app.MapGraphQl();
        app.MapXApi();
        app.MapOAuthAuthorize();
        app.MapAdmin();
        app.MapPages();
        app.Lifetime.ApplicationStarted.Register(() => LogListening(app, options));
        return app;
    }

    /// <summary>The address the started app listens on (the real port when the options asked for port 0).</summary>
    public static Uri GetBaseAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("The sandbox has no address yet; call StartAsync first.");
        return new Uri(first);
    }

    /// <summary>The app's world, for in-process checks and ground truth.</summary>
    public static SandboxWorld GetWorld(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<SandboxWorld>();
    }

    private static void LogListening(WebApplication app, SandboxOptions options)
    {
        var clock = GetWorld(app).Clock as FollowerLoop.Time.AcceleratedTimeProvider;
        Log.Listening(app.Logger, options.Handle, GetBaseAddress(app).ToString(), options.Clock, options.Epoch, clock?.RealStart, options.Factor, options.AudienceSeed);
    }
}
