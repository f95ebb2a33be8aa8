namespace FollowerLoop.Sandbox.Web.Api;

/// <summary>What a v2 request asked for: <c>tweet.fields</c>, <c>user.fields</c> and <c>expansions</c> (comma-separated). X returns only those, plus ids and texts.</summary>
internal sealed record ApiFields(IReadOnlySet<string> Tweet, IReadOnlySet<string> User, IReadOnlySet<string> Expansions)
{
    public static ApiFields From(HttpRequest request) =>
        new(Set(request, "tweet.fields"), Set(request, "user.fields"), Set(request, "expansions"));

    private static HashSet<string> Set(HttpRequest request, string name) =>
        request.Query[name].SelectMany(value => (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
}
