using FollowerLoop.X.Usage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FollowerLoop.Costs;

public static class CostsRegistration
{
    /// <summary>The prices (section <c>XApi:Prices</c>, validated on start), the usage table and the spend summary with its forecast.</summary>
    public static IHostApplicationBuilder AddXApiCosts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddXApiPrices(builder.Configuration);
        builder.Services.TryAddSingleton<XApiUsageStore>();
        builder.Services.TryAddSingleton<XApiSpendForecast>();
        builder.Services.TryAddSingleton<XApiSpendQuery>();
        return builder;
    }
}
