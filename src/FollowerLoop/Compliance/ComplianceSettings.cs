using FollowerLoop.Content;
using FollowerLoop.Posting;
using FollowerLoop.Replies;
using FollowerLoop.X.Api;
using FollowerLoop.X;
using FollowerLoop.X.Browser;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Compliance;

/// <summary>The settings X's rules bear on, gathered from their sections.</summary>
public sealed record ComplianceSettings(
    XClientProvider Provider,
    XClientOptions XClient,
    ReplyOptions Reply,
    ComplianceOptions Compliance,
    LlmOptions Llm,
    PostingOptions Posting,
    ContentOptions Content)
{
    /// <summary>The settings as the running app sees them (bound, post-configured); <paramref name="compliance"/> when it is being validated.</summary>
    public static ComplianceSettings From(IServiceProvider services, IConfiguration configuration, ComplianceOptions? compliance = null) =>
        new(
            XClientExtensions.ProviderOf(configuration),
            services.GetRequiredService<IOptions<XClientOptions>>().Value,
            services.GetRequiredService<IOptions<ReplyOptions>>().Value,
            compliance ?? services.GetRequiredService<IOptions<ComplianceOptions>>().Value,
            services.GetRequiredService<IOptions<LlmOptions>>().Value,
            services.GetRequiredService<IOptions<PostingOptions>>().Value,
            services.GetRequiredService<IOptions<ContentOptions>>().Value);
}
