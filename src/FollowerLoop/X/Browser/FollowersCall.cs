using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;

namespace FollowerLoop.X.Browser;

/// <summary>
/// The Followers call x.com's followers page makes (<c>…/Followers?variables={"userId":…,"count":20,"cursor":…}&amp;features=…</c>):
/// which page of the list a call's URL asks for, and the same call asking for another page.
/// </summary>
internal static class FollowersCall
{
    public const string Operation = "Followers";

    /// <summary>The <c>cursor</c> of the call's variables; null for the newest page (or variables that cannot be read).</summary>
    public static string? CursorOf(string url)
    {
        var variables = Variables(url, out _);
        return variables?["cursor"] is JsonValue value && value.TryGetValue<string>(out var cursor) && cursor.Length > 0 ? cursor : null;
    }

    /// <summary>The same call with <paramref name="cursor"/> in its variables: every other variable and header stays the page's own.</summary>
    public static string WithCursor(string url, string cursor)
    {
        var variables = Variables(url, out var query) ?? throw new JsonException($"The page's {Operation} call has no readable variables.");
        variables["cursor"] = cursor;
        query["variables"] = variables.ToJsonString();
        var uri = new UriBuilder(url) { Query = string.Join("&", query.AllKeys.Select(key => $"{key}={Uri.EscapeDataString(query[key] ?? "")}")) };
        return uri.Uri.AbsoluteUri;
    }

    private static JsonObject? Variables(string url, out System.Collections.Specialized.NameValueCollection query)
    {
        query = HttpUtility.ParseQueryString(new Uri(url).Query);
        try
        {
            return query["variables"] is { } raw ? JsonNode.Parse(raw) as JsonObject : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
