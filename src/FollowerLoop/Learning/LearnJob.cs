using FollowerLoop.Cache;
using FollowerLoop.Storage;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Learning;

/// <summary>
/// Learns from finished posts: (re)trains the gain model (a bootstrap ensemble, what Plan scores and explores
/// with) and the early-velocity model when enough new rows arrived, each validated against the training mean and, when
/// it beats it, trained again on every row and activated; then publishes the learned patterns (Postgres, then Redis)
/// for Plan, Strategy and the dashboard. With <c>Learn:Target = Retained7d</c> the gain model and the patterns learn the
/// followers who stayed a week instead.
/// </summary>
public sealed class LearnJob(
    TrainingStore training,
    ModelLearner learner,
    ActiveModels models,
    PatternCache patterns,
    IRetainedFollowers retained,
    IOptions<AccountOptions> account,
    IOptions<LearnOptions> options,
    TimeProvider time)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var handle = account.Value.Handle;
        var zone = account.Value.GetZone();
        var rows = await training.GetAllAsync(handle, cancellationToken);
        await learner.LearnAsync(handle, ModelKinds.EarlyVelocity, EarlyVelocityFeatures.Schema, TrainingExamples.ForEarlyVelocity(rows, zone), members: 1, ranksChoices: false, cancellationToken);
        if (options.Value.Target == LearnTarget.Retained7d)
        {
            // The early call stays on gained followers (it is checked against them at 48 hours); the rest learns who stays.
            var kept = await retained.GetAsync(handle, cancellationToken);
            rows = [.. rows.Select(r => r with { LearnedFollowers = kept.TryGetValue(r.PostId, out var count) ? count : null })];
        }

        await learner.LearnAsync(handle, ModelKinds.Gain, GainFeatures.Schema, TrainingExamples.ForGain(rows, zone), options.Value.EnsembleSize, ranksChoices: true, cancellationToken);

        var gain = await models.GetAsync(handle, ModelKinds.Gain, GainFeatures.Schema, cancellationToken);
        var found = PatternFinder.Find(rows, handle, gain?.Stored.Id, time.GetUtcNow());
        if (found.Count > 0)
        {
            await patterns.PublishAsync(handle, found, cancellationToken);
        }
    }
}
