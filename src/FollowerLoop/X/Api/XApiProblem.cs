using System.Text.Json;
using System.Text.Json.Nodes;

namespace FollowerLoop.X.Api;

/// <summary>
/// An error body of the X API: v2's problem JSON (<c>title</c>, <c>detail</c>, <c>type</c>, and for
/// client-forbidden a <c>reason</c>) or the v1.1 shape <c>{"errors":[{"code":88,"message":…}]}</c>.
/// </summary>
internal sealed record XApiProblem(string? Title, string? Detail, string? Type, string? Reason, int? Code)
{
    public const string UsageCappedType = "https://api.twitter.com/2/problems/usage-capped";
    public const string ClientForbiddenType = "https://api.twitter.com/2/problems/client-forbidden";

    public bool IsUsageCap => Title == "UsageCapExceeded" || Type == UsageCappedType;

    public bool IsClientForbidden => Type == ClientForbiddenType || Title == "Client Forbidden";

    /// <summary>What to show: the detail, else the title, else the v1.1 message.</summary>
    public string Describe() =>
        string.Join(" ", new[] { Title, Detail, Reason is null ? null : $"(reason: {Reason})", Code is null ? null : $"(code {Code})" }
            .Where(part => !string.IsNullOrEmpty(part)));

    public static XApiProblem Read(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject root)
            {
                var first = (root["errors"] as JsonArray)?.FirstOrDefault();
                return new XApiProblem(
                    Text(root["title"]) ?? Text(first?["title"]),
                    Text(root["detail"]) ?? Text(first?["detail"]) ?? Text(first?["message"]),
                    Text(root["type"]) ?? Text(first?["type"]),
                    Text(root["reason"]),
                    first?["code"] is JsonValue code && code.TryGetValue<int>(out var number) ? number : null);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): the text itself, shortened, is the best description.
        }

        return new XApiProblem(null, body.Length > 200 ? body[..200] : body, null, null, null);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
