using FollowerLoop.X.Api;
using FollowerLoop.X.Browser;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FollowerLoop.X;

public static class XClientExtensions
{
    private const string ProviderKey = "XClient:Provider";

    /// <summary>
    /// The X client chosen by <c>XClient:Provider</c>: <c>Browser</c> (default; sections <c>XClient</c>
    /// and <c>Browser</c>), <c>Api</c> (section <c>XApi</c>) or <c>ApiReadsBrowserPosts</c> (both),
    /// validated on start, as <see cref="IXClient"/>. The browser's services are always there
    /// (<c>followerloop x login</c> uses them) but its settings are checked only when it is used.
    /// </summary>
    public static IHostApplicationBuilder AddXClient(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var provider = ReadProvider(builder.Configuration, out var providerProblem);
        var usesBrowser = provider is XClientProvider.Browser or XClientProvider.ApiReadsBrowserPosts;
        // Not bound strictly: the section holds XClient:Provider too, read above (it decides which services exist).
        builder.Services.AddOptionsWithValidateOnStart<XClientOptions>()
            .Bind(builder.Configuration.GetSection(XClientOptions.SectionName))
            .PostConfigure(options =>
            {
                // One handle to set: the browser drives the account FollowerLoop grows unless told otherwise.
                if (string.IsNullOrWhiteSpace(options.Handle))
                {
                    options.Handle = builder.Configuration["Account:Handle"] ?? "";
                }
            })
            .ValidateAttributes()
            .Validate(_ => providerProblem is null, providerProblem ?? "");
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XClientOptions>, XClientOptionsValidator>());
        var browserOptions = usesBrowser
            ? builder.Services.AddOptionsWithValidateOnStart<BrowserOptions>()
            : builder.Services.AddOptions<BrowserOptions>();
        browserOptions.BindStrictly(builder.Configuration.GetSection(BrowserOptions.SectionName)).ValidateAttributes();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BrowserOptions>, BrowserOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<BrowserHost>();
        builder.Services.TryAddSingleton<XSession>();
        builder.Services.TryAddSingleton<PlaywrightXClient>();
        if (usesBrowser)
        {
            builder.Services.AddHostedService(services => ActivatorUtilities.CreateInstance<BrowserTransportWarning>(services, provider));
        }

        if (provider == XClientProvider.Browser)
        {
            builder.Services.TryAddSingleton<IXClient>(services => services.GetRequiredService<PlaywrightXClient>());
            builder.Services.TryAddSingleton<IReportedFollowsReader, NoReportedFollows>();
            builder.Services.TryAddSingleton<ILikingUsersReader, NoLikingUsers>();
            builder.Services.TryAddSingleton<IFollowersReader, BrowserFollowersReader>();
            return builder;
        }

        XApiRegistration.AddXApi(builder.Services, builder.Configuration);
        builder.Services.TryAddSingleton<IReportedFollowsReader, XApiReportedFollows>();
        builder.Services.TryAddSingleton<ILikingUsersReader, XApiLikingUsers>();
        builder.Services.TryAddSingleton<IFollowersReader, XApiFollowersReader>();
        if (provider == XClientProvider.Api)
        {
            builder.Services.TryAddSingleton<IXClient>(services => services.GetRequiredService<XApiClient>());
        }
        else
        {
            builder.Services.TryAddSingleton<IXClient, ApiReadsBrowserPostsClient>();
        }

        return builder;
    }

    /// <summary>The configured <c>XClient:Provider</c> (Browser when unset or unreadable; start-up names a bad value).</summary>
    public static XClientProvider ProviderOf(IConfiguration configuration) => ReadProvider(configuration, out _);

    /// <summary>What <c>followerloop x auth</c> needs: section <c>XApi</c> (client id and the flow's addresses validated on start) and <see cref="OAuth2PkceFlow"/>.</summary>
    public static IHostApplicationBuilder AddXApiAuthorization(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        XApiRegistration.AddAuthorization(builder.Services, builder.Configuration);
        return builder;
    }

    /// <summary>Read here, not bound: which services exist depends on it. A bad value stops start-up naming the setting.</summary>
    private static XClientProvider ReadProvider(IConfiguration configuration, out string? problem)
    {
        problem = null;
        var value = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return XClientProvider.Browser;
        }

        if (Enum.TryParse<XClientProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider))
        {
            return provider;
        }

        problem = $"{ProviderKey} '{value}' is not one of {string.Join(", ", Enum.GetNames<XClientProvider>())}.";
        return XClientProvider.Browser;
    }
}
