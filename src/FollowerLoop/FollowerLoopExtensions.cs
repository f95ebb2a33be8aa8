using FollowerLoop.Cache;
using FollowerLoop.Costs;
using FollowerLoop.Scheduling;
using FollowerLoop.Storage;
using FollowerLoop.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FollowerLoop;

public static class FollowerLoopExtensions
{
    /// <summary>The account, job schedules, the clock, storage, the fast layer and the X API spend: what every command needs.</summary>
    public static IHostApplicationBuilder AddFollowerLoopCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<AccountOptions>()
            .BindStrictly(builder.Configuration.GetSection(AccountOptions.SectionName))
            .ValidateAttributes();
        builder.Services.AddOptionsWithValidateOnStart<JobsOptions>()
            .BindStrictly(builder.Configuration.GetSection(JobsOptions.SectionName));
        builder.Services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();
        builder.AddClock();
        builder.AddStorage();
        builder.AddFastLayer();
        builder.AddXApiCosts();
        return builder;
    }
}
