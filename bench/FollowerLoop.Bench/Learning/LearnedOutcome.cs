namespace FollowerLoop.Bench.Learning;

/// <summary>FollowerLoop's run: its posts' true gains, how well its attribution (and, with followers, its arrivals' credit) matched the truth, and how its models evolved.</summary>
/// <param name="PostsBeforeModel">The posts Plan picked before its first pick with a gain model (all of them if none had one).</param>
/// <param name="JobTimes">The wall time of each job (and of the checkpoints) over the run, the slowest first.</param>
internal sealed record LearnedOutcome(
    PolicyOutcome Policy,
    AttributionError Attribution,
    int GainModelsTrained,
    int GainModelsActivated,
    double ExploitShare,
    int ModelPlannedPosts,
    int PostsBeforeModel,
    IReadOnlyList<KeyValuePair<string, JobTime>> JobTimes,
    ArrivalsError? Arrivals = null);
