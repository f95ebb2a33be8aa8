using System.Text.Json;
using FollowerLoop.Learning;
using FollowerLoop.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Content;

/// <summary>
/// Fills the free slots of the planning horizon (the strategy's hours, spaced from what is posted or
/// queued; hours are the account's local ones): writes candidates (formats following the strategy's mix), drops those the guards refuse,
/// scores the rest at each slot with the active gain model (timing included: local hour, the recent posts of
/// the same format and topic, the spacing) and picks with exploration. Without a model every pick is random (exploration only).
/// </summary>
public sealed class PlanJob(
    IContentGenerator generator,
    ContentQueue queue,
    ContentGuard guard,
    PlanHistory planHistory,
    StrategyStore strategies,
    AccountSnapshotStore snapshots,
    ActiveModels models,
    IOptions<AccountOptions> account,
    IOptions<PlanOptions> options,
    TimeProvider time,
    Random random,
    ILogger<PlanJob> logger)
{
    private const string Exploit = "exploit";
    private const string Explore = "explore";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var handle = account.Value.Handle;
        var now = time.GetUtcNow();
        var (history, taken) = await planHistory.ReadAsync(handle, now, settings.Horizon + settings.Spacing, cancellationToken);
        var (hours, mix) = await StrategyAsync(handle, cancellationToken);
        var zone = account.Value.GetZone();
        var slots = PlanSlots.Free(now, settings.Horizon, hours, taken, settings.Spacing, zone).Take(settings.Keep).ToList();
        if (slots.Count == 0)
        {
            Log.NoFreeSlot(logger, settings.Horizon);
            return;
        }

        var recent = await queue.RecentTextsAsync(handle, cancellationToken);
        var candidates = (await generator.GeneratePostsAsync(settings.CandidateCount, mix, cancellationToken))
            .Where(c => guard.Check(c.Text, recent) is null)
            .ToList();
        var model = await models.GetAsync(handle, ModelKinds.Gain, GainFeatures.Schema, cancellationToken);
        var followers = (await snapshots.GetLatestAsync(handle, cancellationToken))?.Followers;
        var queued = 0;
        foreach (var slot in slots)
        {
            while (candidates.Count > 0)
            {
                var (index, policy, predicted) = Choose(candidates, slot, history, model, followers, zone);
                var candidate = candidates[index];
                candidates.RemoveAt(index);
                if ((await queue.EnqueueAsync(ToItem(handle, candidate, slot, policy, predicted, now), cancellationToken)).Queued)
                {
                    history = history.With(slot, candidate.Format, candidate.Topic);
                    queued++;
                    break;
                }
            }
        }

        Log.Planned(logger, queued, slots.Count, model is null ? "none (random picks)" : $"gain v{model.Stored.Version}");
    }

    private (int Index, string Policy, double? Predicted) Choose(
        IReadOnlyList<Candidate> candidates, DateTimeOffset slot, PostingHistory history, ActiveModel? model, long? followers, TimeZoneInfo zone)
    {
        if (model is null)
        {
            return (random.Next(candidates.Count), Explore, null);
        }

        var rows = candidates.Select(c => GainFeatures.Build(PostDescription.Of(c), history.TimingAt(slot, c.Format, c.Topic), zone)).ToList();
        var predictions = model.Ensemble.Predict(rows);
        var (index, exploit) = CandidateChoice.Choose(predictions, options.Value.Exploration, options.Value.UcbWidth, random);
        var mean = predictions.Average(member => member[index]);
        return (index, exploit ? Exploit : Explore, followers is { } f ? ModelLabel.ToGain(mean, f) : null);
    }

    /// <summary>The strategy's hours and content mix; hours spread over the day and an even mix until a strategy exists.</summary>
    private async Task<(IReadOnlyList<int> Hours, FormatMix Mix)> StrategyAsync(string handle, CancellationToken cancellationToken)
    {
        var strategy = await strategies.GetLatestAsync(handle, cancellationToken);
        var mix = strategy is null ? FormatMix.Even : FormatMix.From(JsonSerializer.Deserialize<Dictionary<string, double>>(strategy.ContentMix));
        return (PlanSlots.InForce(strategy, options.Value.PostsPerDay), mix);
    }

    private static ContentItem ToItem(string handle, Candidate candidate, DateTimeOffset at, string policy, double? predicted, DateTimeOffset now) => new()
    {
        DecisionId = Guid.NewGuid(),
        Account = handle,
        Kind = ContentKind.Post,
        Text = candidate.Text,
        Format = candidate.Format,
        Topic = candidate.Topic,
        Hook = candidate.Hook,
        Features = JsonSerializer.Serialize(candidate.Features),
        PredictedGain = predicted,
        Policy = policy,
        ScheduledFor = at,
        ContentHash = ContentHash.Of(handle, candidate.Text),
        CreatedAt = now,
    };
}
