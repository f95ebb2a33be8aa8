using Microsoft.AspNetCore.Antiforgery;

namespace FollowerLoop.Worker.Dashboard.Shared;

/// <summary>
/// The dashboard's state-changing POSTs: refused without the antiforgery token of the page they came from;
/// after the action, the browser goes back to that page with the outcome in its query (post/redirect/get).
/// </summary>
internal static class DashboardForms
{
    public static async Task<IResult> PostAsync(HttpContext http, IAntiforgery antiforgery, string page, Func<Task<FormOutcome>> action)
    {
        bool valid;
        try
        {
            valid = await antiforgery.IsRequestValidAsync(http);
        }
        catch (AntiforgeryValidationException ex)
        {
            // The form itself could not be read (a NUL in a value): the reader's reason, not a 500.
            return Results.BadRequest($"The form could not be read: {ex.InnerException?.Message ?? ex.Message}");
        }

        if (!valid)
        {
            return Results.BadRequest($"The form is stale or was not sent by the dashboard (antiforgery token missing or wrong): reload {page} and try again.");
        }

        var outcome = await action();
        return Results.Redirect($"{page}?{(outcome.IsProblem ? "problem" : "done")}={Uri.EscapeDataString(outcome.Message)}");
    }

    /// <summary>The outcome a page was redirected with, or null.</summary>
    public static FormOutcome? Outcome(string? done, string? problem) =>
        problem is not null ? FormOutcome.Problem(problem) : done is not null ? FormOutcome.Done(done) : null;
}
