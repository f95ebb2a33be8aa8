namespace FollowerLoop.Worker.Engine;

/// <summary>
/// Headers on every response (pages, errors, the health probe): the pages load nothing but their own stylesheet and
/// post forms only to themselves, and no other site may frame them (clickjacking), sniff their types or learn their URLs.
/// </summary>
internal sealed class SecurityHeaders : IStartupFilter
{
    // Server-rendered HTML and inline SVG, no script, no style attribute: one stylesheet at /dashboard/assets.
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            // Set as the response starts, so what cleared the headers on the way (an error handler) cannot drop them.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            return nextMiddleware(context);
        });
        next(app);
    };
}
