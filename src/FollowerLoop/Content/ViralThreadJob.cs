using FollowerLoop.Cache;
using FollowerLoop.Storage;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Content;

/// <summary>One 3–7 part thread a day on the best-performing topic so far, queued as a chain of thread parts.</summary>
public sealed class ViralThreadJob(
    IContentGenerator generator,
    ContentQueue queue,
    PatternCache patterns,
    IOptions<AccountOptions> account,
    TimeProvider time,
    Random random,
    ILogger<ViralThreadJob> logger)
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 1)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var handle = account.Value.Handle;
        var best = (await patterns.GetCurrentAsync(handle, cancellationToken))
            .Where(p => p.Category == "topic" && p.EffectSize > 0)
            .MaxBy(p => p.EffectSize);
        var topic = best?.Finding.Split(':')[0] ?? TopicVocabulary.Topics.Keys.ElementAt(random.Next(TopicVocabulary.Topics.Count));
        var parts = await generator.GenerateThreadAsync(topic, random.Next(3, 8), cancellationToken);
        var threadId = Guid.NewGuid();
        var at = time.GetUtcNow().AddMinutes(10);
        var items = parts.Select((text, i) => new ContentItem
        {
            DecisionId = Guid.NewGuid(),
            Account = handle,
            Kind = ContentKind.ThreadPart,
            Text = text,
            Format = "thread",
            Topic = topic,
            Policy = "explore",
            ThreadId = threadId,
            ThreadPosition = i + 1,
            ScheduledFor = at,
            ContentHash = ContentHash.Of(handle, text),
            CreatedAt = time.GetUtcNow(),
        }).ToList();

        // Half a thread is worse than none: every part must pass before any is queued.
        foreach (var item in items)
        {
            if (await queue.CheckAsync(item, cancellationToken) is { Queued: false, Reason: var reason })
            {
                Log.ThreadSkipped(logger, item.ThreadPosition!.Value, reason!);
                return;
            }
        }

        foreach (var item in items)
        {
            await queue.EnqueueAsync(item, cancellationToken);
        }
    }
}
