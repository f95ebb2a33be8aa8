using FollowerLoop.Content;
using FollowerLoop.Worker.Dashboard.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Worker.Dashboard.Queue;

/// <summary>
/// <c>/dashboard/queue</c>: what will be posted, when and why; and two POSTs, edit an item's text and cancel it,
/// each carrying the page's antiforgery token and redirected back (post/redirect/get).
/// </summary>
internal static class QueueEndpoints
{
    private const string Page = "/dashboard/queue";

    public static void MapQueue(this RouteGroupBuilder dashboard, PageRenderer pages, QueueQuery query)
    {
        dashboard.MapGet("/queue", async (HttpContext http, string? done, string? problem, IAntiforgery antiforgery,
            IOptions<AccountOptions> account, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            var (items, hours, strategyAt) = await query.LoadAsync(cancellationToken);
            return await pages.RenderAsync<QueuePage>(new QueueView
            {
                Account = account.Value.Handle,
                Now = time.GetUtcNow(),
                Items = items,
                Hours = hours,
                StrategyAt = strategyAt,
                TimeZone = account.Value.TimeZone,
                AntiforgeryField = tokens.FormFieldName,
                AntiforgeryToken = tokens.RequestToken!,
                Notice = DashboardForms.Outcome(done, problem),
            });
        });

        dashboard.MapPost("/queue/{decisionId:guid}/edit", (HttpContext http, Guid decisionId, QueueEditor editor, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
            DashboardForms.PostAsync(http, antiforgery, Page, async () => Outcome(
                await editor.EditAsync(decisionId, (await http.Request.ReadFormAsync(cancellationToken))["text"], cancellationToken),
                "Saved: Posting will post the new text at the same time.")));

        dashboard.MapPost("/queue/{decisionId:guid}/cancel", (HttpContext http, Guid decisionId, QueueEditor editor, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
            DashboardForms.PostAsync(http, antiforgery, Page, async () => Outcome(
                await editor.CancelAsync(decisionId, cancellationToken), "Cancelled: it will never be posted.")));
    }

    private static FormOutcome Outcome(string? problem, string done) =>
        problem is null ? FormOutcome.Done(done) : FormOutcome.Problem($"Not changed: {problem}.");
}
