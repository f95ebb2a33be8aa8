using FollowerLoop.Worker.Dashboard.Followers;
using FollowerLoop.Worker.Dashboard.Growth;
using FollowerLoop.Worker.Dashboard.Jobs;
using FollowerLoop.Worker.Dashboard.Learning;
using FollowerLoop.Worker.Dashboard.Posts;
using FollowerLoop.Worker.Dashboard.Problems;
using FollowerLoop.Worker.Dashboard.Queue;
using FollowerLoop.Worker.Dashboard.Replies;
using FollowerLoop.Worker.Dashboard.Shared;
using FollowerLoop.Worker.Dashboard.Strategy;
using FollowerLoop.Worker.Dashboard.Timeline;

namespace FollowerLoop.Worker.Dashboard;

/// <summary>
/// FollowerLoop's pages: growth, followers, posts, a post's tracking timeline with its orchestration, the queue (what is
/// posted next, editable), the strategy, learning, the problems, the reply drafts a person decides on, and the timer jobs. Server-rendered HTML and SVG (no script, no CDN), behind one gate (<see cref="DashboardGate"/>).
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>Maps /dashboard and its pages. Needs what the worker registers: storage, the clock, the account and dashboard options.</summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        var pages = ActivatorUtilities.CreateInstance<PageRenderer>(app.Services);
        var growth = ActivatorUtilities.CreateInstance<GrowthQuery>(app.Services);
        var followers = ActivatorUtilities.CreateInstance<FollowersQuery>(app.Services);
        var posts = ActivatorUtilities.CreateInstance<PostListQuery>(app.Services);
        var timeline = ActivatorUtilities.CreateInstance<TimelineQuery>(app.Services);
        var learning = ActivatorUtilities.CreateInstance<LearningQuery>(app.Services);
        var queue = ActivatorUtilities.CreateInstance<QueueQuery>(app.Services);
        var strategy = ActivatorUtilities.CreateInstance<StrategyQuery>(app.Services);
        var problems = ActivatorUtilities.CreateInstance<ProblemsQuery>(app.Services);

        app.UseDashboardGate();
        // The worker's address alone leads to its dashboards.
        app.MapGet("/", () => Results.Redirect("/dashboard"));
        var dashboard = app.MapGroup("/dashboard");

        dashboard.MapGet("", async (string? range, CancellationToken cancellationToken) =>
            GrowthRange.Parse(range) is { } parsed
                ? await pages.RenderAsync<GrowthPage>(await growth.LoadAsync(parsed, cancellationToken))
                : Results.BadRequest(GrowthRange.Problem));

        dashboard.MapGet("/followers", async (string? range, CancellationToken cancellationToken) =>
            GrowthRange.Parse(range) is { } parsed
                ? await pages.RenderAsync<FollowersPage>(await followers.LoadAsync(parsed, cancellationToken))
                : Results.BadRequest(GrowthRange.Problem));

        dashboard.MapGet("/posts", async ([AsParameters] PostListRequest request, CancellationToken cancellationToken) =>
            request.Validate() is { } error
                ? Results.BadRequest(error)
                : await pages.RenderAsync<PostsPage>(await posts.LoadAsync(request, cancellationToken)));

        dashboard.MapTimeline(pages, timeline);

        dashboard.MapGet("/learning", async (CancellationToken cancellationToken) =>
            await pages.RenderAsync<LearningPage>(await learning.LoadAsync(cancellationToken)));

        dashboard.MapQueue(pages, queue);

        dashboard.MapGet("/strategy", async (CancellationToken cancellationToken) =>
            await pages.RenderAsync<StrategyPage>(await strategy.LoadAsync(cancellationToken)));

        dashboard.MapGet("/problems", async (CancellationToken cancellationToken) =>
            await pages.RenderAsync<ProblemsPage>(await problems.LoadAsync(cancellationToken)));

        dashboard.MapReplies(pages);
        dashboard.MapJobs(pages);

        dashboard.MapGet("/assets/dashboard.css", () => DashboardAssets.Stylesheet);
        return app;
    }
}
