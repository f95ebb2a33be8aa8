using FollowerLoop.Content;
using FollowerLoop.Learning;
using FollowerLoop.Storage;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Planning;

/// <summary>
/// Plan's choice for a slot: every candidate scored by the active gain model's ensemble at that slot's time (local hour,
/// the recent posts of the same format and topic, the spacing) and picked by <see cref="PlanOptions.Exploration"/>;
/// a random pick (exploration only) before a model is active.
/// </summary>
public sealed class CandidatePicker(ActiveModels models, AccountSnapshotStore snapshots, IOptions<PlanOptions> options, Random random)
{
    public const string Exploit = "exploit";
    public const string Explore = "explore";

    /// <summary>The model and the follower count a round's picks use, read once per round.</summary>
    public async Task<GainScoring> LoadAsync(string handle, CancellationToken cancellationToken) => new(
        await models.GetAsync(handle, ModelKinds.Gain, GainFeatures.Schema, cancellationToken),
        (await snapshots.GetLatestAsync(handle, cancellationToken))?.Followers);

    public CandidatePick Choose(GainScoring scoring, IReadOnlyList<Candidate> candidates, DateTimeOffset slot, PostingHistory history, TimeZoneInfo zone)
    {
        if (scoring.Model is not { } model)
        {
            return new CandidatePick(random.Next(candidates.Count), Explore, null);
        }

        var rows = candidates.Select(c => GainFeatures.Build(PostDescription.Of(c), history.TimingAt(slot, c.Format, c.Topic), zone)).ToList();
        var predictions = model.Ensemble.Predict(rows);
        var (index, exploit) = CandidateChoice.Choose(predictions, options.Value, random);
        var mean = predictions.Average(member => member[index]);
        return new CandidatePick(index, exploit ? Exploit : Explore, scoring.Followers is { } f ? ModelLabel.ToGain(mean, f) : null);
    }
}
