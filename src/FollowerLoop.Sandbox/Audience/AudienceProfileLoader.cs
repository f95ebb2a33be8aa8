using System.Text.Json;
using System.Text.Json.Nodes;

namespace FollowerLoop.Sandbox.Audience;

/// <summary>
/// Reads audience profiles. The built-in default (Audience/audience.default.json) is always the base; a file given
/// by the user is merged over it, so it only needs the values it changes.
/// </summary>
public static class AudienceProfileLoader
{
    private const string DefaultResource = "FollowerLoop.Sandbox.audience.default.json";

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The built-in audience, or the built-in one with <paramref name="overridePath"/> merged over it.</summary>
    public static AudienceProfile Load(string? overridePath) =>
        overridePath is null ? Parse(null, "the built-in default") : Parse(File.ReadAllText(overridePath), overridePath);

    /// <summary>Parses <paramref name="overrideJson"/> merged over the built-in default; <paramref name="source"/> names it in errors.</summary>
    public static AudienceProfile Parse(string? overrideJson, string source)
    {
        try
        {
            var merged = ReadDefault();
            if (overrideJson is not null)
            {
                var overrides = JsonNode.Parse(overrideJson, NodeOptions, DocumentOptions) as JsonObject
                    ?? throw new InvalidDataException($"Audience file {source} must hold a JSON object.");
                Merge(merged, overrides);
            }

            var profile = merged.Deserialize<AudienceProfile>(SerializerOptions)
                ?? throw new InvalidDataException($"Audience file {source} is empty.");
            var errors = AudienceProfileValidator.Validate(profile);
            return errors.Count == 0
                ? profile
                : throw new InvalidDataException($"Audience file {source} is invalid: {string.Join(" ", errors)}");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Audience file {source} is not a valid audience profile: {e.Message}", e);
        }
    }

    private static JsonObject ReadDefault()
    {
        using var stream = typeof(AudienceProfileLoader).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"The embedded resource {DefaultResource} is missing from the build.");
        return (JsonObject)JsonNode.Parse(stream, NodeOptions, DocumentOptions)!;
    }

    private static void Merge(JsonObject target, JsonObject overrides)
    {
        foreach (var (name, value) in overrides)
        {
            if (value is JsonObject child && target[name] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                target.Remove(name);
                target[name] = value?.DeepClone();
            }
        }
    }
}
