using FollowerLoop.Cache;
using FollowerLoop.Content;
using FollowerLoop.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Planning;

/// <summary>
/// One 3–7 part thread a day on the best-performing topic so far, queued as a chain of thread parts (Posting
/// posts part n as a reply to part n − 1) in the first free hour, spaced from the planned posts like them.
/// A thread is queued whole or not at all; when a part is refused it is rewritten, a few times at most, and each refused
/// part is stored with why (<see cref="RefusedCandidateStore"/>), for the problems page.
/// </summary>
public sealed class ViralThreadJob(
    IContentGenerator generator,
    ContentQueue queue,
    PatternCache patterns,
    PlanHistory planHistory,
    RefusedCandidateStore refusedCandidates,
    IOptions<AccountOptions> account,
    IOptions<PlanOptions> options,
    TimeProvider time,
    Random random,
    ILogger<ViralThreadJob> logger)
{
    private const int Attempts = 3;
    private static readonly int[] AnyHour = [.. Enumerable.Range(0, 24)];
    private static readonly TimeSpan SlotHorizon = TimeSpan.FromDays(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var handle = account.Value.Handle;
        var now = time.GetUtcNow();
        var spacing = options.Value.Spacing;
        var (_, taken) = await planHistory.ReadAsync(handle, now, SlotHorizon + spacing, cancellationToken);
        var at = PlanSlots.Free(now, SlotHorizon, AnyHour, taken, spacing, account.Value.GetZone()).FirstOrDefault(now.AddMinutes(10));
        var topic = await BestTopicAsync(handle, cancellationToken);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var parts = await generator.GenerateThreadAsync(topic, random.Next(3, 8), cancellationToken);
            var threadId = Guid.NewGuid();
            var items = parts.Select((text, i) => new ContentItem
            {
                DecisionId = Guid.NewGuid(),
                Account = handle,
                Kind = ContentKind.ThreadPart,
                Text = text,
                Format = ContentLabels.Thread,
                Topic = topic,
                Policy = "explore",
                ThreadId = threadId,
                ThreadPosition = i + 1,
                ScheduledFor = at,
                ContentHash = ContentHash.Of(handle, text),
                CreatedAt = now,
            }).ToList();

            var refusals = await queue.EnqueueAllAsync(items, cancellationToken);
            if (refusals.Count == 0)
            {
                return;
            }

            var refused = refusals.Select(r => RefusedPart(r.Item, items.Count, r.Reason)).ToList();
            Log.ThreadSkipped(logger, refused[0].Reason);
            await refusedCandidates.RecordAsync(handle, refused, now, cancellationToken);
        }
    }

    private static RefusedCandidate RefusedPart(ContentItem part, int parts, string reason) =>
        new(part.Text, part.Format, part.Topic, $"part {part.ThreadPosition} of {parts}: {reason}", ContentKind.ThreadPart);

    /// <summary>The topic with the highest positive learned effect; a random one until there is such a pattern.</summary>
    private async Task<string> BestTopicAsync(string handle, CancellationToken cancellationToken)
    {
        var best = (await patterns.GetCurrentAsync(handle, cancellationToken))
            .Where(p => p.Category == "topic" && p.EffectSize > 0)
            .MaxBy(p => p.EffectSize);
        return best?.Finding.Split(':')[0] ?? ContentLabels.Topics[random.Next(ContentLabels.Topics.Count)];
    }
}
