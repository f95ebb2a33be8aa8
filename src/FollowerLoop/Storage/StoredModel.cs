namespace FollowerLoop.Storage;

/// <summary>A row of <c>ml_models</c>: a trained model's bytes and how well it validated.</summary>
public sealed record StoredModel
{
    public long Id { get; init; }

    public required string Account { get; init; }

    public required string Kind { get; init; }

    public int Version { get; init; }

    public required byte[] Model { get; init; }

    public required string Trainer { get; init; }

    public required int TrainingRows { get; init; }

    /// <summary>Validation metrics as JSON.</summary>
    public string Metrics { get; init; } = "{}";

    public bool IsActive { get; init; }

    public required DateTimeOffset TrainedAt { get; init; }

    public DateTimeOffset? ActivatedAt { get; init; }
}
