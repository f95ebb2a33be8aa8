using System.Text.Json;

namespace FollowerLoop.Content;

/// <summary>Reads the JSON the prompts ask for; anything else is a malformed answer (null), never posted.</summary>
internal static class LlmAnswer
{
    /// <summary>The strings of <paramref name="property"/>: an array of strings, or of objects with a "text" string.</summary>
    public static IReadOnlyList<string>? Strings(string? answer, string property)
    {
        if (Parse(answer) is not { } root || !root.TryGetProperty(property, out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var texts = new List<string>();
        foreach (var item in items.EnumerateArray())
        {
            var text = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Object when item.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String => t.GetString(),
                _ => null,
            };
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            texts.Add(text.Trim());
        }

        return texts;
    }

    public static string? Text(string? answer) =>
        Parse(answer) is { } root && root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(text.GetString())
            ? text.GetString()!.Trim()
            : null;

    private static JsonElement? Parse(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return null;
        }

        // Some models wrap JSON in a Markdown fence even when asked not to.
        var json = answer.Trim();
        if (json.StartsWith("```", StringComparison.Ordinal))
        {
            var start = json.IndexOf('\n', StringComparison.Ordinal);
            var end = json.LastIndexOf("```", StringComparison.Ordinal);
            json = start > 0 && end > start ? json[(start + 1)..end] : json;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
