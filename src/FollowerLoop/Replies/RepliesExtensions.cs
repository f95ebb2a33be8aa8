using FollowerLoop.Compliance;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Replies;

public static class RepliesExtensions
{
    /// <summary>
    /// The <c>Reply</c> and <c>Compliance</c> sections (validated on start: settings that break X's rules stop
    /// start-up), the reply history and the drafts a person decides on. Needs <c>AddContent</c>.
    /// </summary>
    public static IHostApplicationBuilder AddReplies(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<ReplyOptions>().Bind(builder.Configuration.GetSection(ReplyOptions.SectionName)).ValidateDataAnnotations();
        builder.Services.AddOptionsWithValidateOnStart<ComplianceOptions>().Bind(builder.Configuration.GetSection(ComplianceOptions.SectionName));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComplianceOptions>, ComplianceGate>());
        builder.Services.AddSingleton<ReplyHistory>();
        builder.Services.AddSingleton<ReplyDrafts>();
        builder.Services.AddTransient<ReplyJob>();
        return builder;
    }
}
