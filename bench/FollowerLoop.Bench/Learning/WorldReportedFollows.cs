using FollowerLoop.Sandbox.World;
using FollowerLoop.X;

namespace FollowerLoop.Bench.Learning;

/// <summary>
/// X's own per-post follows and unfollows (<see cref="BenchReads.Enterprise"/>), in process: what the sandbox's
/// <c>GET /2/tweets/analytics</c> answers (<see cref="PostAnalytics"/>).
/// </summary>
internal sealed class WorldReportedFollows(SandboxWorld world) : IReportedFollowsReader
{
    public bool Available => true;

    public Task<ReportedFollows?> ReadAsync(string postId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult(world.FindPost(postId) is { } post
            ? new ReportedFollows(postId, PostAnalytics.Between(world, post, "follows", from, to), PostAnalytics.Between(world, post, "unfollows", from, to))
            : null);
}
