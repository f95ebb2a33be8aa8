using FollowerLoop.Storage;

namespace FollowerLoop.Learning;

/// <summary>The active model of a kind: its row in ml_models, its validation metrics and the loaded ensemble.</summary>
public sealed record ActiveModel(StoredModel Stored, ModelMetrics Metrics, PoissonEnsemble Ensemble);
