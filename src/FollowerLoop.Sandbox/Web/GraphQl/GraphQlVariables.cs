using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FollowerLoop.Sandbox.Web.GraphQl;

/// <summary>A GraphQL call's variables: the <c>variables</c> JSON of a GET's query, or a POST body's <c>variables</c> object.</summary>
internal sealed class GraphQlVariables(JsonObject? values)
{
    /// <summary>A GET's <c>?variables={…}</c>; absent or not JSON reads as no variables.</summary>
    public static GraphQlVariables FromQuery(HttpContext context)
    {
        var raw = context.Request.Query["variables"].ToString();
        if (string.IsNullOrEmpty(raw))
        {
            return new GraphQlVariables(null);
        }

        try
        {
            return new GraphQlVariables(JsonNode.Parse(raw) as JsonObject);
        }
        catch (JsonException)
        {
            return new GraphQlVariables(null);
        }
    }

    public JsonObject? this[string name] => values?[name] as JsonObject;

    public string? String(string name) => StringOf(values?[name]);

    /// <summary>A number; x.com's client sends counts as numbers, some scripts as strings.</summary>
    public int? Int(string name) => values?[name] switch
    {
        JsonValue value when value.TryGetValue<int>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
