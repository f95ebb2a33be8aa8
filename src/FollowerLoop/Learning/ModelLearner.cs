using FollowerLoop.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Learning;

/// <summary>
/// Trains a model on the older rows and validates it on the newest ones against the training mean: a model that cannot
/// beat a constant is saved as the next version but never used. One that beats it is trained again on every row, the
/// newest included, and that is the version saved and activated, whatever the active model would score: the newest posts
/// are the ones that show an audience drifting, and the held-out rows are the newest fifth. (Comparing a new fit with the
/// active one on 5 to 40 held-out rows was a coin toss between nested fits that kept stale models active for days; the
/// yardstick's record, docs/learning-yardstick.md, has what dropping it gained.) A model that ranks choices (the gain
/// model, Plan's) needs no bar for its first version: until one is active Plan picks at random, as ranking by a constant
/// would, so the first fit is used even when its predicted sizes are no better than the mean's (its order is what Plan
/// uses). The metrics are the validation's.
/// </summary>
public sealed class ModelLearner(ModelStore models, IOptions<LearnOptions> options, TimeProvider time, ILogger<ModelLearner> logger)
{
    /// <summary>Trains when there are enough (new) rows; null when it did not train.</summary>
    /// <param name="examples">The model's rows, oldest first.</param>
    /// <param name="ranksChoices">The model's predictions order choices that are random without it: its first version is activated unvalidated.</param>
    public async Task<ModelLearning?> LearnAsync(string account, string kind, string schema, IReadOnlyList<TrainingExample> examples, int members, bool ranksChoices, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (examples.Count < settings.MinRows)
        {
            Log.TooFewRows(logger, kind, examples.Count, settings.MinRows);
            return null;
        }

        // The rows the newest stored version saw (kept in ml_models, so a restart or a second worker agrees).
        var latest = await models.GetLatestAsync(account, kind, cancellationToken);
        if (latest is not null && ModelMetrics.ForSchema(latest.Metrics, schema) is { } seen
            && examples.Count < seen.TrainRows + seen.HoldoutRows + settings.MinNewRows)
        {
            return null;
        }

        var holdoutCount = Math.Max(settings.MinHoldoutRows, (int)Math.Round(examples.Count * settings.HoldoutShare));
        var train = examples.Take(examples.Count - holdoutCount).ToList();
        var holdout = examples.Skip(train.Count).ToList();
        PoissonEnsemble Fit(IReadOnlyList<TrainingExample> rows) => PoissonEnsemble.Train(rows, members, settings.L2Regularization, settings.HalfLife, seed: examples.Count);
        var candidate = Fit(train);
        var mae = MeanAbsoluteError(candidate, holdout);
        var barMae = MeanAbsoluteError(train.Average(r => r.Label), holdout);
        var beatsMean = mae < barMae;
        var firstToRank = !beatsMean && ranksChoices && !await HasActiveAsync(account, kind, schema, cancellationToken);
        var activated = beatsMean || firstToRank;
        var (saved, savedRows) = activated ? (Fit(examples), examples) : (candidate, train);

        var metrics = new ModelMetrics
        {
            Schema = schema,
            Mae = mae,
            Bar = ModelMetrics.MeanBar,
            BarMae = barMae,
            TrainRows = train.Count,
            HoldoutRows = holdout.Count,
            Members = members,
            L2 = settings.L2Regularization,
            TrainedUntil = savedRows[^1].PostedAt,
        };
        var now = time.GetUtcNow();
        var stored = await models.SaveAsync(
            new StoredModel
            {
                Account = account,
                Kind = kind,
                Model = saved.ToBytes(),
                Trainer = PoissonEnsemble.Trainer,
                TrainingRows = savedRows.Count,
                Metrics = metrics.ToJson(),
                TrainedAt = now,
            },
            cancellationToken);
        if (activated)
        {
            await models.ActivateAsync(stored.Id, now, cancellationToken);
        }

        Log.ModelTrained(logger, kind, stored.Version, train.Count, holdout.Count, mae, barMae, activated, stored.TrainingRows);
        if (firstToRank)
        {
            Log.FirstRankingModel(logger, kind, stored.Version);
        }

        return new ModelLearning(stored with { IsActive = activated }, metrics, activated);
    }

    /// <summary>Whether a version reading <paramref name="schema"/> is active (one of another feature layout is not used).</summary>
    private async Task<bool> HasActiveAsync(string account, string kind, string schema, CancellationToken cancellationToken) =>
        await models.GetActiveAsync(account, kind, cancellationToken) is { } active && ModelMetrics.ForSchema(active.Metrics, schema) is not null;

    /// <summary>Mean absolute error in followers (labels are per 10,000 followers).</summary>
    public static double MeanAbsoluteError(PoissonEnsemble model, IReadOnlyList<TrainingExample> rows)
    {
        var predicted = model.PredictMean([.. rows.Select(r => r.Features)]);
        return rows.Select((r, i) => Math.Abs(ModelLabel.ToGain(predicted[i] - r.Label, r.FollowersAtPost))).Average();
    }

    private static double MeanAbsoluteError(double constant, IReadOnlyList<TrainingExample> rows) =>
        rows.Average(r => Math.Abs(ModelLabel.ToGain(constant - r.Label, r.FollowersAtPost)));
}
