using System.Text.Json;

namespace FollowerLoop.Learning;

/// <summary>
/// What is stored in <c>ml_models.metrics</c>: the feature layout the model reads, and how it validated
/// (mean absolute error in followers on held-out rows, against the bar it had to beat).
/// </summary>
public sealed record ModelMetrics
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public required string Schema { get; init; }

    public required double Mae { get; init; }

    /// <summary>The bar a new model's held-out error must beat: a prediction of the training mean.</summary>
    public const string MeanBar = "mean";

    /// <summary><see cref="MeanBar"/>; "v{n}" in versions stored before 3 December 2026 (the then active model).</summary>
    public required string Bar { get; init; }

    public required double BarMae { get; init; }

    public required int TrainRows { get; init; }

    public required int HoldoutRows { get; init; }

    public required int Members { get; init; }

    public required double L2 { get; init; }

    /// <summary>The newest posting time among the stored version's training rows (all of them once it beat the mean).</summary>
    public required DateTimeOffset TrainedUntil { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The metrics of a stored model that reads the <paramref name="schema"/> feature layout; null for a model of another layout or shape.</summary>
    public static ModelMetrics? ForSchema(string json, string schema) => Parse(json) is { } metrics && metrics.Schema == schema ? metrics : null;

    /// <summary>The metrics of a stored model; null when they are not this shape (an older or foreign model).</summary>
    public static ModelMetrics? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ModelMetrics>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
