using FollowerLoop.Sandbox.Audience;
using FollowerLoop.Sandbox.Text;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Admin;

/// <summary>A post with its ground truth, as the admin API reports it.</summary>
internal sealed record AdminPostView(
    string Id,
    string Text,
    string? InReplyToId,
    DateTimeOffset PostedAt,
    TextFeatures Features,
    PostContext Context,
    double Appeal,
    double Noise,
    FollowerGain TrueFollowerGain,
    XComEngagementCounts EngagementNow,
    XComEngagementCounts EngagementAt48h)
{
    public static AdminPostView Of(SandboxWorld world, SandboxPost post, DateTimeOffset now) => new(
        post.Id,
        post.Text,
        post.InReplyToId,
        post.PostedAt,
        post.Features,
        post.Context,
        post.Outcome.Appeal,
        post.Outcome.Noise,
        world.TrueFollowerGain(post.Id),
        world.GetMetrics(post, now),
        world.GetMetrics(post, post.PostedAt + AccrualCurves.Horizon));
}
