using FollowerLoop.Cache;
using FollowerLoop.Storage;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Learning;

/// <summary>
/// Learns from finished posts: (re)trains the gain model (a bootstrap ensemble, what Plan scores and explores
/// with) and the early-velocity model when enough new rows arrived, each activated only if it validates
/// better; then publishes the learned patterns (Postgres, then Redis) for Plan, Strategy and the dashboard.
/// </summary>
public sealed class LearnJob(
    TrainingStore training,
    ModelLearner learner,
    ActiveModels models,
    PatternCache patterns,
    IOptions<AccountOptions> account,
    IOptions<LearnOptions> options,
    TimeProvider time)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var handle = account.Value.Handle;
        var zone = account.Value.GetZone();
        var rows = await training.GetAllAsync(handle, cancellationToken);
        await learner.LearnAsync(handle, ModelKinds.Gain, GainFeatures.Schema, TrainingExamples.ForGain(rows, zone), options.Value.EnsembleSize, cancellationToken);
        await learner.LearnAsync(handle, ModelKinds.EarlyVelocity, EarlyVelocityFeatures.Schema, TrainingExamples.ForEarlyVelocity(rows, zone), members: 1, cancellationToken);

        var gain = await models.GetAsync(handle, ModelKinds.Gain, GainFeatures.Schema, cancellationToken);
        var found = PatternFinder.Find(rows, handle, gain?.Stored.Id, time.GetUtcNow());
        if (found.Count > 0)
        {
            await patterns.PublishAsync(handle, found, cancellationToken);
        }
    }
}
