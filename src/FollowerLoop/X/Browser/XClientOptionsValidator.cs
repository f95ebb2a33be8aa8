using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace FollowerLoop.X.Browser;

/// <summary>What data annotations cannot say: the address's scheme, credentials in pairs, a well-formed session.</summary>
internal sealed class XClientOptionsValidator : IValidateOptions<XClientOptions>
{
    public ValidateOptionsResult Validate(string? name, XClientOptions options)
    {
        var failures = new List<string>();
        if (options.BaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            failures.Add($"XClient:BaseUrl '{url}' must be an absolute http(s) address (https://x.com or the sandbox's).");
        }

        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add("XClient:Username and XClient:Password go together: set both or neither.");
        }

        if (options.SessionStateJson is { Length: > 0 } session && !IsStorageState(session))
        {
            // Never echo the value: it is the login.
            failures.Add("XClient:SessionStateJson is not a Playwright storage state (a JSON object with a \"cookies\" array).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsStorageState(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject state && state["cookies"] is JsonArray;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
