using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Planning;

public static class PlanningExtensions
{
    /// <summary>
    /// The <c>Plan</c> options, the one <see cref="Random"/> that Plan and the generators draw from (seeded by
    /// <c>Plan:Seed</c>), and what a Plan round reads. Needs <c>AddContent</c> and <c>AddLearning</c>.
    /// </summary>
    public static IHostApplicationBuilder AddPlanning(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<PlanOptions>().BindStrictly(builder.Configuration.GetSection(PlanOptions.SectionName)).ValidateAttributes();
        builder.Services.AddSingleton<Random>(sp => new LockedRandom(sp.GetRequiredService<IOptions<PlanOptions>>().Value.Seed));
        builder.Services.AddSingleton<PlanHistory>();
        builder.Services.AddSingleton<PlanCalendar>();
        builder.Services.AddSingleton<CandidatePicker>();
        return builder;
    }
}
