using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FollowerLoop.Replies;

public static class RepliesExtensions
{
    /// <summary>
    /// The <c>Reply</c> section (validated on start), the reply history and the drafts a person decides on. Needs <c>AddContent</c>.
    /// </summary>
    public static IHostApplicationBuilder AddReplies(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<ReplyOptions>().BindStrictly(builder.Configuration.GetSection(ReplyOptions.SectionName)).ValidateAttributes();
        builder.Services.AddSingleton<ReplyHistory>();
        builder.Services.AddSingleton<ReplyDrafts>();
        builder.Services.AddTransient<ReplyWriter>();
        builder.Services.AddTransient<ReplyJob>();
        return builder;
    }
}
