using System.Globalization;
using System.Text.Json;

namespace FollowerLoop.Worker.Dashboard.Learning;

/// <summary>A model version and its validation metrics (the JSON object <c>ml_models.metrics</c>).</summary>
public sealed record ModelRow(
    long Id,
    string Kind,
    int Version,
    string Trainer,
    int TrainingRows,
    string Metrics,
    bool IsActive,
    DateTimeOffset TrainedAt,
    DateTimeOffset? ActivatedAt)
{
    /// <summary>The validation score the learner writes: mean absolute error on held-out rows.</summary>
    public const string ValidationMetric = "mae";

    /// <summary>A numeric metric, or null when the model has none by that name.</summary>
    public double? Metric(string name)
    {
        using var json = JsonDocument.Parse(Metrics);
        return json.RootElement.ValueKind == JsonValueKind.Object
            && json.RootElement.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Number
                ? value.GetDouble()
                : null;
    }

    /// <summary>Each metric as text: numbers rounded to 4 significant digits, anything else as written.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> MetricValues()
    {
        using var json = JsonDocument.Parse(Metrics);
        if (json.RootElement.ValueKind != JsonValueKind.Object)
        {
            return [new("metrics", json.RootElement.GetRawText())];
        }

        return json.RootElement.EnumerateObject()
            .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.ValueKind == JsonValueKind.Number
                ? p.Value.GetDouble().ToString("G4", CultureInfo.InvariantCulture)
                : Shorten(p.Value.ToString())))
            .ToList();
    }

    // A feature-layout string can run to hundreds of characters; the table shows its start.
    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 39), "…");
}
