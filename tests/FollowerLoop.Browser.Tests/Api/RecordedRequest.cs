namespace FollowerLoop.Browser.Tests.Api;

/// <summary>A request <see cref="ScriptedXApi"/> received.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string? Authorization, string Body)
{
    /// <summary>A query parameter, decoded.</summary>
    public string? Parameter(string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Query).TryGetValue(name, out var value) ? value.ToString() : null;
}
