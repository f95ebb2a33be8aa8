using FollowerLoop.Cache;
using FollowerLoop.Learning;
using FollowerLoop.Storage;
using FollowerLoop.Worker.Dashboard.Shared;

namespace FollowerLoop.Worker.Dashboard.Posts;

/// <summary>A row of the posts table: the post, each phase's state and values, its attributions, and its latest metrics while its 48-hour ones are not in.</summary>
public sealed record PostListItem(
    PostRow Post,
    IReadOnlyDictionary<CheckpointPhase, PhaseState> States,
    IReadOnlyDictionary<CheckpointPhase, PhaseValue> Values,
    IReadOnlyDictionary<string, double?> Attribution,
    MetricsSnapshot? Latest = null)
{
    public int Count(PhaseState state) => States.Values.Count(s => s == state);

    public long? Likes(CheckpointPhase phase) => Values.GetValueOrDefault(phase)?.Likes;

    public long? Views(CheckpointPhase phase) => Values.GetValueOrDefault(phase)?.Views;

    /// <summary>The gain by the best method the post has, and that method; null before any method could tell.</summary>
    public (double Followers, string Method)? Gain =>
        AttributionMethod.BestFirst.Where(m => Attribution.GetValueOrDefault(m) is not null).Select(m => (Attribution[m]!.Value, m)).Cast<(double, string)?>().FirstOrDefault();
}
