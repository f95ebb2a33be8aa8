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
    /// The browser X client (sections <c>XClient</c> and <c>Browser</c>, validated on start): one
    /// long-lived Chromium, the saved session, and <see cref="IXClient"/>.
    /// </summary>
    public static IHostApplicationBuilder AddXClient(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
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
            .ValidateDataAnnotations();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XClientOptions>, XClientOptionsValidator>());
        builder.Services.AddOptionsWithValidateOnStart<BrowserOptions>()
            .Bind(builder.Configuration.GetSection(BrowserOptions.SectionName))
            .ValidateDataAnnotations();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BrowserOptions>, BrowserOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<BrowserHost>();
        builder.Services.TryAddSingleton<XSession>();
        builder.Services.TryAddSingleton<PlaywrightXClient>();
        builder.Services.TryAddSingleton<IXClient>(services => services.GetRequiredService<PlaywrightXClient>());
        return builder;
    }
}
