using FollowerLoop.X.Usage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FollowerLoop.X.Api;

/// <summary>The API client's services (section <c>XApi</c>, validated on start), added by <see cref="XClientExtensions.AddXClient"/> when a provider uses the API.</summary>
internal static class XApiRegistration
{
    public static void AddXApi(IServiceCollection services, IConfiguration configuration)
    {
        AddOptionsAndHttp(services, configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XApiOptions>, XApiOptionsValidator>());
        services.TryAddSingleton<IXApiAuthorization>(services =>
            services.GetRequiredService<IOptions<XApiOptions>>().Value.OAuth1.IsSet
                ? ActivatorUtilities.CreateInstance<OAuth1UserAuthorization>(services)
                : ActivatorUtilities.CreateInstance<OAuth2UserAuthorization>(services));
        services.AddXApiPrices(configuration);
        services.TryAddSingleton<XApiUsageMeter>();
        services.TryAddSingleton<XApiRateLimits>();
        services.TryAddSingleton<XApiConnection>();
        services.TryAddSingleton<TweetMetricsBatcher>();
        services.TryAddSingleton<XApiOwnAccount>();
        services.TryAddSingleton<XApiClient>();
    }

    /// <summary><c>followerloop x auth</c>: only the client id and the flow's addresses are required (the token file is what it makes).</summary>
    public static void AddAuthorization(IServiceCollection services, IConfiguration configuration)
    {
        AddOptionsAndHttp(services, configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XApiOptions>, XApiAuthorizationOptionsValidator>());
        services.TryAddSingleton<OAuth2PkceFlow>();
    }

    private static void AddOptionsAndHttp(IServiceCollection services, IConfiguration configuration)
    {
        // Not bound strictly: the section holds XApi:Prices too, which XApiPrices binds.
        services.AddOptionsWithValidateOnStart<XApiOptions>()
            .Bind(configuration.GetSection(XApiOptions.SectionName))
            .ValidateAttributes();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(XApiHttp.ClientName, (services, client) =>
        {
            var options = services.GetRequiredService<IOptions<XApiOptions>>().Value;
            client.BaseAddress = options.BaseUrl;
            client.Timeout = options.RequestTimeout;
        });
    }
}
