using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace FollowerLoop.Content;

public static class ContentExtensions
{
    /// <summary>
    /// Registers the <c>Content</c> and <c>Llm</c> options, the generator (the LLM when
    /// <c>Llm:Endpoint</c> is set, else the templates), the guards and the queue. The generators draw from the
    /// <see cref="Random"/> that <c>AddPlanning</c> registers (seeded by <c>Plan:Seed</c>).
    /// </summary>
    public static IHostApplicationBuilder AddContent(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<ContentOptions>().BindStrictly(builder.Configuration.GetSection(ContentOptions.SectionName)).ValidateAttributes();
        builder.Services.AddOptionsWithValidateOnStart<LlmOptions>().BindStrictly(builder.Configuration.GetSection(LlmOptions.SectionName)).ValidateAttributes();

        builder.Services.AddSingleton<TemplateGenerator>();
        // Chosen when first resolved, from the bound options, so every configuration source counts.
        builder.Services.AddSingleton<IContentGenerator>(sp =>
        {
            var llm = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
            return llm.IsConfigured
                ? ActivatorUtilities.CreateInstance<LlmGenerator>(sp, CreateChatClient(llm))
                : sp.GetRequiredService<TemplateGenerator>();
        });

        builder.Services.AddSingleton<ContentGuard>();
        builder.Services.AddSingleton<ContentQueue>();
        builder.Services.AddSingleton<QueueEditor>();
        return builder;
    }

    /// <summary>An OpenAI-compatible chat client; the generator enforces <see cref="LlmOptions.Timeout"/> and falls back, so no retries here.</summary>
    public static IChatClient CreateChatClient(LlmOptions options)
    {
        var client = new ChatClient(
            options.Model,
            new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = options.Endpoint,
                NetworkTimeout = options.Timeout,
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            });
        return client.AsIChatClient();
    }
}
