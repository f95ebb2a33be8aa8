using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FollowerLoop.Learning;

public static class LearningExtensions
{
    /// <summary>Registers the <c>Learn</c> options, the readers of attribution and outcomes, the active-model cache, the model learner and the early call.</summary>
    public static IHostApplicationBuilder AddLearning(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<LearnOptions>().BindStrictly(builder.Configuration.GetSection(LearnOptions.SectionName)).ValidateAttributes();
        builder.Services.AddSingleton<AttributionReader>();
        builder.Services.AddSingleton<AttributionSeries>();
        builder.Services.AddSingleton<PostLikers>();
        builder.Services.AddSingleton<OutcomeReader>();
        builder.Services.AddSingleton<ActiveModels>();
        builder.Services.AddSingleton<ModelLearner>();
        builder.Services.AddSingleton<EarlyCall>();
        return builder;
    }
}
