using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FollowerLoop.X.Usage;

internal static class XApiPricesRegistration
{
    /// <summary>The prices (section <c>XApi:Prices</c>, validated on start). Safe to call from every registration that prices calls: the validator is added once.</summary>
    public static void AddXApiPrices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<XApiPrices>().BindStrictly(configuration.GetSection(XApiPrices.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XApiPrices>, XApiPricesValidator>());
    }
}
