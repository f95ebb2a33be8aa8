using FollowerLoop.X.Browser;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FollowerLoop.X;

public static class XClientExtensions
{
    /// <summary>
    /// The browser X client (section <c>XClient</c>, validated on start): one long-lived Chromium,
    /// the saved session, and <see cref="IXClient"/>.
    /// </summary>
    public static IHostApplicationBuilder AddXClient(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<XClientOptions>()
            .Bind(builder.Configuration.GetSection(XClientOptions.SectionName))
            .ValidateDataAnnotations();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XClientOptions>, XClientOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<BrowserHost>();
        builder.Services.TryAddSingleton<XSession>();
        builder.Services.TryAddSingleton<PlaywrightXClient>();
        builder.Services.TryAddSingleton<IXClient>(services => services.GetRequiredService<PlaywrightXClient>());
        return builder;
    }
}
