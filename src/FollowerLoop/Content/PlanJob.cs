using System.Text.Json;
using FollowerLoop.Storage;
using Hangfire;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Content;

/// <summary>
/// Writes candidates, keeps the best few and queues them at the strategy's best hours. Until a model
/// is trained every candidate is an exploration pick (see README: the learning issue adds scoring).
/// </summary>
public sealed class PlanJob(
    IContentGenerator generator,
    ContentQueue queue,
    StrategyStore strategies,
    IOptions<AccountOptions> account,
    IOptions<PlanOptions> options,
    TimeProvider time,
    Random random)
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 1)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var candidates = await generator.GeneratePostsAsync(options.Value.CandidateCount, cancellationToken);
        var slots = await NextSlotsAsync(cancellationToken);
        var queued = 0;
        foreach (var candidate in candidates.OrderBy(_ => random.Next()))
        {
            if (queued == slots.Count)
            {
                break;
            }

            var outcome = await queue.EnqueueAsync(ToItem(candidate, slots[queued]), cancellationToken);
            queued += outcome.Queued ? 1 : 0;
        }
    }

    private ContentItem ToItem(Candidate candidate, DateTimeOffset at) => new()
    {
        DecisionId = Guid.NewGuid(),
        Account = account.Value.Handle,
        Kind = ContentKind.Post,
        Text = candidate.Text,
        Format = candidate.Format,
        Topic = candidate.Topic,
        Hook = candidate.Hook,
        Features = JsonSerializer.Serialize(candidate.Features),
        Policy = "explore",
        ScheduledFor = at,
        ContentHash = ContentHash.Of(account.Value.Handle, candidate.Text),
        CreatedAt = time.GetUtcNow(),
    };

    /// <summary>The next times to post: the strategy's best hours when there is one, else evenly from now.</summary>
    private async Task<IReadOnlyList<DateTimeOffset>> NextSlotsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var strategy = await strategies.GetLatestAsync(account.Value.Handle, cancellationToken);
        var bestHours = strategy is null ? [] : JsonSerializer.Deserialize<int[]>(strategy.BestHours) ?? [];
        var slots = new List<DateTimeOffset>();
        var next = now.AddMinutes(5);
        while (slots.Count < options.Value.Keep)
        {
            if (bestHours.Length > 0)
            {
                var upcoming = Enumerable.Range(0, 48).Select(h => TopOfHour(next).AddHours(h)).First(t => t >= next && bestHours.Contains(t.Hour));
                next = upcoming;
            }

            slots.Add(next);
            next += options.Value.Spacing;
        }

        return slots;
    }

    private static DateTimeOffset TopOfHour(DateTimeOffset t) => new(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero);
}
