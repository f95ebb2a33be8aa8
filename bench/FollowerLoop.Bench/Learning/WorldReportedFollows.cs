using FollowerLoop.Sandbox.World;
using FollowerLoop.X;

namespace FollowerLoop.Bench.Learning;

/// <summary>
/// X's own per-post follows and unfollows (<see cref="BenchReads.Enterprise"/>), in process: what the sandbox's
/// <c>GET /2/tweets/analytics</c> answers, the counts reached at <c>to</c> minus those at <c>from</c>.
/// </summary>
internal sealed class WorldReportedFollows(SandboxWorld world) : IReportedFollowsReader
{
    public bool Available => true;

    public Task<ReportedFollows?> ReadAsync(string postId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (world.FindPost(postId) is not { } post)
        {
            return Task.FromResult<ReportedFollows?>(null);
        }

        var now = world.Clock.GetUtcNow();
        var end = (to < now ? to : now) - post.PostedAt;
        var start = from - post.PostedAt;
        long Between(Func<TimeSpan, long> reached) => Math.Max(0, reached(end) - (start > TimeSpan.Zero ? reached(start) : 0));
        return Task.FromResult<ReportedFollows?>(new ReportedFollows(
            postId,
            Between(age => world.Audience.FollowsAt(post.Outcome, age)),
            Between(age => world.Audience.UnfollowsAt(post.Outcome, age))));
    }
}
