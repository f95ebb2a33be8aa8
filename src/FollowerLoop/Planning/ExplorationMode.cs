namespace FollowerLoop.Planning;

/// <summary>How the planner explores with the gain model's bootstrap ensemble.</summary>
public enum ExplorationMode
{
    /// <summary>
    /// Each pick follows one ensemble member drawn at random (shrunk towards the mean by <see cref="PlanOptions.ThompsonScale"/>):
    /// uncertain candidates win about as often as they might be best.
    /// </summary>
    Thompson,

    /// <summary>Each pick maximises the ensemble mean plus <see cref="PlanOptions.UcbWidth"/> standard deviations.</summary>
    Ucb,
}
