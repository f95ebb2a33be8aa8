using FollowerLoop.Cache;
using FollowerLoop.Storage;
using FollowerLoop.X;
using Hangfire;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Content;

/// <summary>One 3–7 part thread a day on the best-performing topic so far, queued as a chain of thread parts.</summary>
public sealed class ViralThreadJob(
    IContentGenerator generator,
    ContentQueue queue,
    PatternCache patterns,
    IOptions<AccountOptions> account,
    TimeProvider time,
    Random random)
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
        if (parts.Any(p => !TweetLength.Check(p).IsAcceptable))
        {
            // Half a thread is worse than none: queue all parts or nothing.
            return;
        }

        var threadId = Guid.NewGuid();
        var at = time.GetUtcNow().AddMinutes(10);
        for (var i = 0; i < parts.Count; i++)
        {
            var outcome = await queue.EnqueueAsync(
                new ContentItem
                {
                    DecisionId = Guid.NewGuid(),
                    Account = handle,
                    Kind = ContentKind.ThreadPart,
                    Text = parts[i],
                    Format = "thread",
                    Topic = topic,
                    Policy = "explore",
                    ThreadId = threadId,
                    ThreadPosition = i + 1,
                    ScheduledFor = at,
                    ContentHash = ContentHash.Of(handle, $"{threadId}:{parts[i]}"),
                    CreatedAt = time.GetUtcNow(),
                },
                cancellationToken);
            if (!outcome.Queued)
            {
                return;
            }
        }
    }
}
