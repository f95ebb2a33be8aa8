using FollowerLoop.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Learning;

/// <summary>
/// Trains a model on the older rows, validates it on the newest ones (which neither it nor the active model
/// has seen, as the active one was trained on an earlier, smaller set), saves it as the next version and
/// activates it only if its held-out error beats the active model's (or, for the first model, the training
/// mean's). The validated model is the one stored, so its metrics describe exactly what Plan uses.
/// </summary>
public sealed class ModelLearner(ModelStore models, ActiveModels active, IOptions<LearnOptions> options, TimeProvider time, ILogger<ModelLearner> logger)
{
    /// <summary>Trains when there are enough (new) rows; null when it did not train.</summary>
    /// <param name="examples">The model's rows, oldest first.</param>
    public async Task<ModelLearning?> LearnAsync(string account, string kind, string schema, IReadOnlyList<TrainingExample> examples, int members, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (examples.Count < settings.MinRows)
        {
            Log.TooFewRows(logger, kind, examples.Count, settings.MinRows);
            return null;
        }

        // The rows the newest stored version saw (kept in ml_models, so a restart or a second worker agrees).
        var latest = await models.GetLatestAsync(account, kind, cancellationToken);
        if (latest is not null && ModelMetrics.Parse(latest.Metrics) is { } seen && seen.Schema == schema
            && examples.Count < seen.TrainRows + seen.HoldoutRows + settings.MinNewRows)
        {
            return null;
        }

        var holdoutCount = Math.Max(settings.MinHoldoutRows, (int)Math.Round(examples.Count * settings.HoldoutShare));
        var train = examples.Take(examples.Count - holdoutCount).ToList();
        var holdout = examples.Skip(train.Count).ToList();
        var candidate = PoissonEnsemble.Train(train, members, settings.L2Regularization, settings.HalfLife, seed: examples.Count);
        var mae = MeanAbsoluteError(candidate, holdout);
        var current = await active.GetAsync(account, kind, schema, cancellationToken);
        var (bar, barMae) = current is null
            ? ("mean", MeanAbsoluteError(train.Average(r => r.Label), holdout))
            : ($"v{current.Stored.Version}", MeanAbsoluteError(current.Ensemble, holdout));

        var metrics = new ModelMetrics
        {
            Schema = schema,
            Mae = mae,
            Bar = bar,
            BarMae = barMae,
            TrainRows = train.Count,
            HoldoutRows = holdout.Count,
            Members = members,
            L2 = settings.L2Regularization,
            TrainedUntil = train[^1].PostedAt,
        };
        var now = time.GetUtcNow();
        var saved = await models.SaveAsync(
            new StoredModel
            {
                Account = account,
                Kind = kind,
                Model = candidate.ToBytes(),
                Trainer = PoissonEnsemble.Trainer,
                TrainingRows = train.Count,
                Metrics = metrics.ToJson(),
                TrainedAt = now,
            },
            cancellationToken);
        var activated = mae < barMae;
        if (activated)
        {
            await models.ActivateAsync(saved.Id, now, cancellationToken);
        }

        Log.ModelTrained(logger, kind, saved.Version, train.Count, holdout.Count, mae, bar, barMae, activated);
        return new ModelLearning(saved with { IsActive = activated }, metrics, activated);
    }

    /// <summary>Mean absolute error in followers (labels are per 10,000 followers).</summary>
    public static double MeanAbsoluteError(PoissonEnsemble model, IReadOnlyList<TrainingExample> rows)
    {
        var predicted = model.PredictMean([.. rows.Select(r => r.Features)]);
        return rows.Select((r, i) => Math.Abs(ModelLabel.ToGain(predicted[i] - r.Label, r.FollowersAtPost))).Average();
    }

    private static double MeanAbsoluteError(double constant, IReadOnlyList<TrainingExample> rows) =>
        rows.Average(r => Math.Abs(ModelLabel.ToGain(constant - r.Label, r.FollowersAtPost)));
}
