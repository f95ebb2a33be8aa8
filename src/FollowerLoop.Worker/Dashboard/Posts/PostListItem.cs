using FollowerLoop.Tracking;
using FollowerLoop.Worker.Dashboard.Shared;

namespace FollowerLoop.Worker.Dashboard.Posts;

/// <summary>A row of the posts table: the post, each phase's state and values, and its attributions.</summary>
public sealed record PostListItem(
    PostRow Post,
    IReadOnlyDictionary<CheckpointPhase, PhaseState> States,
    IReadOnlyDictionary<CheckpointPhase, PhaseValue> Values,
    IReadOnlyDictionary<string, double?> Attribution)
{
    public int Count(PhaseState state) => States.Values.Count(s => s == state);

    public long? Likes(CheckpointPhase phase) => Values.GetValueOrDefault(phase)?.Likes;

    public long? Followers(CheckpointPhase phase) => Values.GetValueOrDefault(phase)?.Followers;

    /// <summary>Followers gained since the baseline; unknown when either count is.</summary>
    public long? FollowerGain(CheckpointPhase phase) => Followers(phase) - Followers(CheckpointPhase.Baseline);
}
