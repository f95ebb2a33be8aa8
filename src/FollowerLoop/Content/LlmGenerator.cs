using FollowerLoop.X;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Content;

/// <summary>
/// Writes content with an LLM behind <see cref="IChatClient"/> (any OpenAI-compatible endpoint). Each post is
/// asked for by format, topic and hook, so candidates carry the same labels as the templates'. A timeout, an
/// HTTP failure or an answer that is not the asked-for JSON falls back to the templates (logged); texts the
/// answer holds that x.com would refuse are replaced by template posts.
/// </summary>
public sealed class LlmGenerator(IChatClient chat, TemplateGenerator templates, Random random, IOptions<LlmOptions> options, ILogger<LlmGenerator> logger)
    : IContentGenerator
{
    public async Task<IReadOnlyList<Candidate>> GeneratePostsAsync(int count, FormatMix mix, CancellationToken cancellationToken)
    {
        var specs = Enumerable.Range(0, count).Select(_ => NextSpec(mix)).ToList();
        var answer = await AskAsync(LlmPrompts.Posts(specs), "posts", cancellationToken);
        var texts = LlmAnswer.Strings(answer, "posts");
        if (texts is null)
        {
            LogMalformed("posts", answer);
            return await templates.GeneratePostsAsync(count, mix, cancellationToken);
        }

        var candidates = texts.Take(count)
            .Select((text, i) => (Text: text, Spec: specs[i]))
            .Where(x => TweetLength.Check(x.Text).IsAcceptable)
            .Select(x => new Candidate(x.Text, x.Spec.Format, x.Spec.Topic, x.Spec.Hook, ContentFeatures.Of(x.Text)))
            .ToList();
        if (candidates.Count < count)
        {
            Log.LlmShort(logger, "posts", candidates.Count, count);
            candidates.AddRange(await templates.GeneratePostsAsync(count - candidates.Count, mix, cancellationToken));
        }

        return candidates;
    }

    public async Task<string> GenerateReplyAsync(Mention summons, CancellationToken cancellationToken)
    {
        var answer = await AskAsync(LlmPrompts.Reply(summons), "reply", cancellationToken);
        var text = LlmAnswer.Text(answer);
        if (text is not null && TweetLength.Check(text).IsAcceptable)
        {
            return text;
        }

        LogMalformed("reply", answer);
        return await templates.GenerateReplyAsync(summons, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> GenerateThreadAsync(string topic, int parts, CancellationToken cancellationToken)
    {
        var answer = await AskAsync(LlmPrompts.Thread(topic, parts), "thread", cancellationToken);
        var texts = LlmAnswer.Strings(answer, "parts");
        if (texts is not null && texts.Count == parts && texts.All(t => TweetLength.Check(t).IsAcceptable))
        {
            return texts;
        }

        LogMalformed("thread", answer);
        return await templates.GenerateThreadAsync(topic, parts, cancellationToken);
    }

    /// <summary>The answer's text, or null after a timeout or an endpoint failure (logged).</summary>
    private async Task<string?> AskAsync(string prompt, string what, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            var response = await chat.GetResponseAsync(
                [new ChatMessage(ChatRole.System, LlmPrompts.System), new ChatMessage(ChatRole.User, prompt)],
                new ChatOptions { ResponseFormat = ChatResponseFormat.Json, Temperature = 0.9f },
                timeout.Token);
            return response.Text;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.LlmUnusable(logger, what, $"no answer within Llm:Timeout ({options.Value.Timeout})");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever the endpoint did (an error status, a cut connection, a body that is not the API's), the
            // templates write instead: a broken LLM must never stop Plan, Reply or Viral thread.
            Log.LlmUnusable(logger, what, $"the endpoint failed: {ex.Message}");
        }

        return null;
    }

    // A missing answer was logged where it failed; an answer that arrived but is unusable is logged here.
    private void LogMalformed(string what, string? answer)
    {
        if (answer is not null)
        {
            Log.LlmUnusable(logger, what, "the answer was not the asked-for JSON or x.com would refuse its text");
        }
    }

    private ContentSpec NextSpec(FormatMix mix)
    {
        var format = mix.Draw(random);
        var hooks = PostTemplates.All.Where(t => t.Format == format).Select(t => t.Hook).Distinct().ToList();
        return new ContentSpec(format, ContentLabels.Topics[random.Next(ContentLabels.Topics.Count)], hooks[random.Next(hooks.Count)]);
    }
}
