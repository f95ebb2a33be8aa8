using FollowerLoop.Learning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FollowerLoop.Followers;

public static class FollowersExtensions
{
    /// <summary>The Followers job, its store and the arrivals' credits; section <c>Followers</c> validated on start.</summary>
    public static IHostApplicationBuilder AddFollowers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<FollowersOptions>().BindStrictly(builder.Configuration.GetSection(FollowersOptions.SectionName)).ValidateAttributes();
        builder.Services.AddSingleton<FollowerStore>();
        builder.Services.AddSingleton<CreditedPosts>();
        builder.Services.AddSingleton<IRetainedFollowers, RetainedFollowers>();
        builder.Services.AddSingleton<IArrivalCredits, ArrivalCredit>();
        builder.Services.AddTransient<FollowersJob>();
        return builder;
    }
}
