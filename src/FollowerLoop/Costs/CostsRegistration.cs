using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Costs;

public static class CostsRegistration
{
    /// <summary>The prices (section <c>XApi:Prices</c>, validated on start), the usage table and the spend summary with its forecast.</summary>
    public static IHostApplicationBuilder AddXApiCosts(this IHostApplicationBuilder builder)
    {
        AddPrices(builder.Services, builder.Configuration);
        builder.Services.TryAddSingleton<XApiUsageStore>();
        builder.Services.TryAddSingleton<XApiSpendForecast>();
        builder.Services.TryAddSingleton<XApiSpendQuery>();
        return builder;
    }

    /// <summary>Safe to call from every registration that prices calls: the validator is added once.</summary>
    internal static void AddPrices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<XApiPrices>().Bind(configuration.GetSection(XApiPrices.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XApiPrices>, XApiPricesValidator>());
    }
}
