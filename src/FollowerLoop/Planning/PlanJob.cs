using System.Text.Json;
using FollowerLoop.Content;
using FollowerLoop.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Planning;

/// <summary>
/// Fills the free slots of the planning horizon (the strategy's hours, spaced from what is posted or
/// queued; hours are the account's local ones): writes candidates (formats following the strategy's mix), drops those the guards refuse,
/// scores the rest at each slot with the active gain model (timing included: local hour, the recent posts of
/// the same format and topic, the spacing) and picks with exploration. Without a model every pick is random (exploration only).
/// What the guards or the queue refused is stored with why (<see cref="RefusedCandidateStore"/>), for the problems page.
/// </summary>
public sealed class PlanJob(
    IContentGenerator generator,
    ContentQueue queue,
    ContentGuard guard,
    RefusedCandidateStore refusedCandidates,
    PlanCalendar calendar,
    CandidatePicker picker,
    IOptions<AccountOptions> account,
    IOptions<PlanOptions> options,
    TimeProvider time,
    ILogger<PlanJob> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var handle = account.Value.Handle;
        var now = time.GetUtcNow();
        var round = await calendar.ReadAsync(now, cancellationToken);
        if (round.Slots.Count == 0)
        {
            Log.NoFreeSlot(logger, options.Value.Horizon);
            return;
        }

        var recent = await queue.RecentTextsAsync(handle, except: null, cancellationToken);
        var written = await generator.GeneratePostsAsync(options.Value.CandidateCount, round.Mix, cancellationToken);
        var candidates = new List<Candidate>(written.Count);
        var refused = new List<RefusedCandidate>();
        foreach (var candidate in written)
        {
            if (guard.Check(candidate.Text, recent) is { } reason)
            {
                refused.Add(Refused(candidate, reason));
            }
            else
            {
                candidates.Add(candidate);
            }
        }

        if (refused.Count > 0)
        {
            Log.CandidatesRefused(logger, refused.Count, written.Count, refused[0].Reason);
        }

        var scoring = await picker.LoadAsync(handle, cancellationToken);
        var history = round.History;
        var queued = 0;
        foreach (var slot in round.Slots)
        {
            while (candidates.Count > 0)
            {
                var pick = picker.Choose(scoring, candidates, slot, history, round.Zone);
                var candidate = candidates[pick.Index];
                candidates.RemoveAt(pick.Index);
                var outcome = await queue.EnqueueAsync(ToItem(handle, candidate, slot, pick, now), cancellationToken);
                if (outcome.Queued)
                {
                    history = history.With(slot, candidate.Format, candidate.Topic);
                    queued++;
                    break;
                }

                refused.Add(Refused(candidate, outcome.Reason!));
            }
        }

        if (refused.Count > 0)
        {
            await refusedCandidates.RecordAsync(handle, refused, now, cancellationToken);
        }

        Log.Planned(logger, queued, round.Slots.Count, scoring.Describe());
    }

    private static RefusedCandidate Refused(Candidate candidate, string reason) => new(candidate.Text, candidate.Format, candidate.Topic, reason);

    private static ContentItem ToItem(string handle, Candidate candidate, DateTimeOffset at, CandidatePick pick, DateTimeOffset now) => new()
    {
        DecisionId = Guid.NewGuid(),
        Account = handle,
        Kind = ContentKind.Post,
        Text = candidate.Text,
        Format = candidate.Format,
        Topic = candidate.Topic,
        Hook = candidate.Hook,
        Features = JsonSerializer.Serialize(candidate.Features),
        PredictedGain = pick.Predicted,
        Policy = pick.Policy,
        ScheduledFor = at,
        ContentHash = ContentHash.Of(handle, candidate.Text),
        CreatedAt = now,
    };
}
