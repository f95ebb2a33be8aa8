using Microsoft.Extensions.Options;

namespace FollowerLoop.Worker.Dashboard.Shared;

/// <summary>
/// What every request under /dashboard passes before its endpoint, in this order: the access rule (so a stranger
/// learns nothing from a 400), then a query the pages can take. A 400 always says why.
/// </summary>
internal static class DashboardGate
{
    /// <summary>Longer than any filter or outcome message the pages make.</summary>
    public const int MaxQueryValueLength = 1000;

    public static WebApplication UseDashboardGate(this WebApplication app)
    {
        var access = app.Services.GetRequiredService<IOptionsMonitor<DashboardOptions>>();
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/dashboard"), dashboard => dashboard.Use(async (context, next) =>
        {
            if (!DashboardAccess.IsAllowed(context, access.CurrentValue))
            {
                DashboardAccess.Challenge(context);
                return;
            }

            if (Problem(context.Request) is { } problem)
            {
                await Results.BadRequest(problem).ExecuteAsync(context);
                return;
            }

            try
            {
                await next(context);
            }
            catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
            {
                // A value of the wrong type or out of its type's range (page=abc, page=99999999999): the message names it.
                await Results.BadRequest(ex.Message).ExecuteAsync(context);
            }
        }));
        return app;
    }

    /// <summary>
    /// Why the query cannot be served, or null. A NUL reaching Postgres fails the page's query: a 500 before this
    /// (Kestrel refuses one in the path; one in a form is <see cref="DashboardForms"/>' to refuse).
    /// </summary>
    private static string? Problem(HttpRequest request)
    {
        foreach (var (key, values) in request.Query)
        {
            foreach (var value in values)
            {
                if (value?.Length > MaxQueryValueLength)
                {
                    return $"{key} is longer than {MaxQueryValueLength} characters.";
                }

                if (HasControlCharacter(value))
                {
                    return $"{key} contains a control character (such as %00).";
                }
            }
        }

        return null;
    }

    // Line breaks and tabs are text (an outcome message may hold one); the rest of the C0 and C1 controls are not.
    private static bool HasControlCharacter(string? text) =>
        text is not null && text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));
}
