using FollowerLoop.Storage;
using FollowerLoop.Tracking.Durable;
using FollowerLoop.Worker.Dashboard.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Worker.Dashboard.Timeline;

/// <summary><c>/dashboard/posts/{postId}</c>, a post's timeline, and its two POSTs: terminate and restart the post's tracking orchestration.</summary>
internal static class TimelineEndpoints
{
    public static void MapTimeline(this RouteGroupBuilder dashboard, PageRenderer pages, TimelineQuery timeline)
    {
        dashboard.MapGet("/posts/{postId}", async (HttpContext http, string postId, string? done, string? problem, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
            await timeline.LoadAsync(postId, antiforgery.GetAndStoreTokens(http), DashboardForms.Outcome(done, problem), cancellationToken) is { } view
                ? await pages.RenderAsync<TimelinePage>(view)
                : Results.NotFound($"No post {postId} of this account."));

        dashboard.MapPost("/posts/{postId}/tracking/terminate", (HttpContext http, string postId, DurableCheckpointScheduler tracking, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
            DashboardForms.PostAsync(http, antiforgery, Page(postId), async () =>
                await tracking.TerminateAsync(postId, "terminated from the dashboard", cancellationToken)
                    ? FormOutcome.Done("Terminated: no more checkpoints are taken for this post unless it is restarted.")
                    : FormOutcome.Problem("Nothing to terminate: the post's tracking orchestration is not running.")));

        dashboard.MapPost("/posts/{postId}/tracking/restart", (HttpContext http, string postId, PostStore posts, TrackingStore records, DurableCheckpointScheduler tracking,
            IOptions<AccountOptions> account, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
            DashboardForms.PostAsync(http, antiforgery, Page(postId), async () =>
            {
                if (await posts.GetByTweetIdAsync(postId, cancellationToken) is not { } post || post.Account != account.Value.Handle)
                {
                    return FormOutcome.Problem($"No post {postId} of this account.");
                }

                var recorded = (await records.GetVelocityAsync(postId, cancellationToken)).Select(r => CheckpointPhases.Parse(r.Phase)).ToHashSet();
                var phases = await tracking.RestartAsync(post, recorded, cancellationToken);
                return FormOutcome.Done($"Restarted: the orchestration now waits for {phases} phase(s) with no result.");
            }));
    }

    private static string Page(string postId) => $"/dashboard/posts/{Uri.EscapeDataString(postId)}";
}
