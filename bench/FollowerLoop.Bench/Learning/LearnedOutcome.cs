namespace FollowerLoop.Bench.Learning;

/// <summary>FollowerLoop's run: its posts' true gains, how well its attribution (and, with followers, its arrivals' credit) matched the truth, and how its models evolved.</summary>
internal sealed record LearnedOutcome(PolicyOutcome Policy, AttributionError Attribution, int GainModelsTrained, int GainModelsActivated, double ExploitShare, int ModelPlannedPosts, ArrivalsError? Arrivals = null);
