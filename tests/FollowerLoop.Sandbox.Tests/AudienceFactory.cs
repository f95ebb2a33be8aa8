using FollowerLoop.Sandbox.Audience;
using FollowerLoop.Sandbox.Text;

namespace FollowerLoop.Sandbox.Tests;

/// <summary>Audience models from profile snippets (merged over the built-in profile), for the model's own tests.</summary>
internal static class AudienceFactory
{
    /// <summary>A Monday at noon UTC, in week 0 of the drift.</summary>
    public static readonly DateTimeOffset Noon = WorldFactory.Epoch.AddHours(12);

    public static TextFeatures Thread { get; } = TextFeatureExtractor.Extract("🧵 Everything I learned about AI agents in 3 years:");

    public static AudienceProfile Profile(string? json = null) => AudienceProfileLoader.Parse(json, "test.json");

    public static AudienceModel Model(string? json = null, int seed = 1) => new(Profile(json), seed, WorldFactory.Epoch);

    /// <summary>A first post (no fatigue, crowding or saturation) at <paramref name="at"/> on an account of 10,000.</summary>
    public static PostContext Alone(DateTimeOffset at) => new(at, 10_000, 0, null, false, 0);
}
