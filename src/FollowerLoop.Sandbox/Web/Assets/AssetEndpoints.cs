using FollowerLoop.Sandbox.Web.Html;
using FollowerLoop.Sandbox.Web.RichText;

namespace FollowerLoop.Sandbox.Web.Assets;

/// <summary>The pages' script and style sheet (embedded in the assembly), an empty favicon and the emoji images, so the browser never reaches beyond the sandbox.</summary>
internal static class AssetEndpoints
{
    public const string FaviconPath = "/favicon.ico";

    private static readonly Lazy<string> Script = new(() => Read("FollowerLoop.Sandbox.main.js"));
    private static readonly Lazy<string> Style = new(() => Read("FollowerLoop.Sandbox.main.css"));

    /// <summary>Assets are never faulted: a fault targets what a client reads, not the page's furniture.</summary>
    public static bool IsAsset(string path) =>
        path is PageLayout.ScriptPath or PageLayout.StylePath or FaviconPath || path.StartsWith(EmojiImages.PathPrefix, StringComparison.Ordinal);

    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet(PageLayout.ScriptPath, () => Results.Text(Script.Value, "text/javascript; charset=utf-8"));
        app.MapGet(PageLayout.StylePath, () => Results.Text(Style.Value, "text/css; charset=utf-8"));
        app.MapGet(FaviconPath, () => Results.NoContent());
        app.MapGet(EmojiImages.PathPrefix + "{file}", (string file) =>
            file.EndsWith(".svg", StringComparison.Ordinal) && EmojiImages.FromFileName(file[..^4]) is { } emoji
                ? Results.Text(EmojiImages.Svg(emoji), "image/svg+xml")
                : Results.NotFound());
        return app;
    }

    private static string Read(string resource)
    {
        using var stream = typeof(AssetEndpoints).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
