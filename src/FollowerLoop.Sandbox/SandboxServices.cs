using System.Text.Json.Serialization;
using FollowerLoop.Sandbox.Audience;
using FollowerLoop.Sandbox.Clock;
using FollowerLoop.Sandbox.Web.Api;
using FollowerLoop.Sandbox.Web.Faults;
using FollowerLoop.Sandbox.Web.Sessions;
using FollowerLoop.Sandbox.World;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Sandbox;

internal static class SandboxServices
{
    /// <summary>Registers the world (its audience read now, so a bad audience file stops start-up), its clock, sessions and faults.</summary>
    public static IServiceCollection AddSandbox(this IServiceCollection services, SandboxOptions options, TimeProvider? sharedClock = null)
    {
        var profile = AudienceProfileLoader.Load(options.AudienceFile);
        var clock = sharedClock ?? SandboxClock.Create(options, TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(clock);
        services.AddSingleton(provider => new SandboxWorld(options, profile, clock, provider.GetRequiredService<ILogger<SandboxWorld>>()));
        services.AddSingleton(new SessionStore(clock, options.SessionLifetime));
        services.AddSingleton(new LoginChallenges(clock));
        services.AddSingleton<FaultQueue>();
        services.AddSingleton(new ApiTokenStore(clock));
        services.AddSingleton(new ApiRateLimits(clock));
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }
}
