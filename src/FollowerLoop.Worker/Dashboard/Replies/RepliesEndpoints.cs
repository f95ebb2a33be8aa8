using FollowerLoop.Replies;
using FollowerLoop.Worker.Dashboard.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Worker.Dashboard.Replies;

/// <summary>
/// <c>/dashboard/replies</c> and its two state-changing POSTs (approve, reject). Each POST must carry the
/// antiforgery token of the page it came from; after it, the browser is redirected back (post/redirect/get).
/// </summary>
internal static class RepliesEndpoints
{
    private const int DecidedShown = 50;

    public static void MapReplies(this RouteGroupBuilder dashboard, PageRenderer pages)
    {
        dashboard.MapGet("/replies", async (HttpContext http, string? done, string? problem, ReplyDrafts drafts, IAntiforgery antiforgery,
            IOptions<AccountOptions> account, IOptions<ReplyOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            var items = await drafts.ListAsync(account.Value.Handle, DecidedShown, cancellationToken);
            return await pages.RenderAsync<RepliesPage>(new RepliesView
            {
                Account = account.Value.Handle,
                Now = time.GetUtcNow(),
                Mode = options.Value.Mode,
                Drafts = [.. items.Where(i => i.Status == Storage.ContentStatus.Draft)],
                Decided = [.. items.Where(i => i.Status != Storage.ContentStatus.Draft)],
                AntiforgeryField = tokens.FormFieldName,
                AntiforgeryToken = tokens.RequestToken!,
                Notice = problem ?? done,
                NoticeIsProblem = problem is not null,
            });
        });

        dashboard.MapPost("/replies/{decisionId:guid}/approve", (HttpContext http, Guid decisionId, ReplyDrafts drafts, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
            DecideAsync(http, antiforgery, async () => await drafts.ApproveAsync(decisionId, (await http.Request.ReadFormAsync(cancellationToken))["text"], cancellationToken), "Approved: Posting will post it."));

        dashboard.MapPost("/replies/{decisionId:guid}/reject", (HttpContext http, Guid decisionId, ReplyDrafts drafts, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
            DecideAsync(http, antiforgery, () => drafts.RejectAsync(decisionId, cancellationToken), "Rejected: it will never be posted."));
    }

    private static async Task<IResult> DecideAsync(HttpContext http, IAntiforgery antiforgery, Func<Task<ReplyDraftDecision>> decide, string done)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest("The form is stale or was not sent by the dashboard (antiforgery token missing or wrong): reload /dashboard/replies and try again.");
        }

        var decision = await decide();
        var query = decision.Done ? $"done={Uri.EscapeDataString(done)}" : $"problem={Uri.EscapeDataString(decision.Problem!)}";
        return Results.Redirect($"/dashboard/replies?{query}");
    }
}
