using System.Text.Json;
using System.Text.Json.Nodes;
using FollowerLoop.Tests.Infrastructure;

namespace FollowerLoop.Browser.Tests.Parsing;

/// <summary>The saved x.com pages and what expected.json says a correct reader finds in each.</summary>
internal static class SavedPages
{
    /// <summary>The GraphQL responses, which expected.json does not list (their values are in the README).</summary>
    public static readonly string[] GraphQlFiles = ["twillot__create_tweet_response.json", "twillot__tweet_detail_response.json"];

    public static JsonObject Expected { get; } =
        JsonNode.Parse(File.ReadAllText(PathOf("expected.json")))!.AsObject();

    /// <summary>Every saved page or response in the fixtures folder (not its README or expected.json).</summary>
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(SavedXFixtures.XDom)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name is not ("README.md" or "expected.json"))
            .Order(StringComparer.Ordinal);

    public static IEnumerable<string> OfKind(string kind) =>
        Expected.Where(entry => entry.Value!["kind"]!.GetValue<string>() == kind).Select(entry => entry.Key).Order(StringComparer.Ordinal);

    public static string PathOf(string name) => Path.Combine(SavedXFixtures.XDom, name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    public static JsonNode ExpectationFor(string name) =>
        Expected[name] ?? throw new JsonException($"expected.json has no entry for {name}.");
}
