using FollowerLoop.Storage;

namespace FollowerLoop.Learning;

/// <summary>One training: the version saved to ml_models, how it validated, and whether it became the active one.</summary>
public sealed record ModelLearning(StoredModel Saved, ModelMetrics Metrics, bool Activated);
