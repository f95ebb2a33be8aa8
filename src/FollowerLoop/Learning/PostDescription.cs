using System.Text.Json;
using FollowerLoop.Content;
using FollowerLoop.Storage;

namespace FollowerLoop.Learning;

/// <summary>What the model knows about a post's content: its labels and measurable features.</summary>
public sealed record PostDescription(string? Format, string? Topic, string? Hook, ContentFeatures Content)
{
    public static PostDescription Of(Candidate candidate) => new(candidate.Format, candidate.Topic, candidate.Hook, candidate.Features);

    /// <summary>From a training row; null when the row has no recorded features (e.g. a reply).</summary>
    public static PostDescription? Of(TrainingRow row) =>
        ParseFeatures(row.Features) is { } features ? new(row.Format, row.Topic, row.Hook, features) : null;

    /// <summary>From a queued item; null when it has no recorded features (e.g. a reply).</summary>
    public static PostDescription? Of(ContentItem item) =>
        ParseFeatures(item.Features) is { } features ? new(item.Format, item.Topic, item.Hook, features) : null;

    /// <summary>The features JSON written by Plan; null when absent or unreadable (unknown, not zero).</summary>
    public static ContentFeatures? ParseFeatures(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(nameof(ContentFeatures.WeightedLength), out _)
                    ? document.RootElement.Deserialize<ContentFeatures>()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
