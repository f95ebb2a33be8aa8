using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Cache;

public static class CacheExtensions
{
    /// <summary>Registers the <c>Redis</c> options and the fast layer over the Postgres stores.</summary>
    public static IHostApplicationBuilder AddFastLayer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<RedisOptions>()
            .BindStrictly(builder.Configuration.GetSection(RedisOptions.SectionName))
            .ValidateAttributes();
        builder.Services.AddSingleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>();
        builder.Services.AddSingleton<FastLayer>();
        builder.Services.AddSingleton<RedisKeys>();
        builder.Services.AddSingleton<TrackingCache>();
        builder.Services.AddSingleton<ContentDedupe>();
        builder.Services.AddSingleton<DailyCounters>();
        builder.Services.AddSingleton<PatternCache>();
        return builder;
    }
}
