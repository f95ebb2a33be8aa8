namespace FollowerLoop.Learning;

/// <summary>
/// How follows trail views: nothing for <paramref name="DeadHours"/>, then an exponential spread with time constant
/// <paramref name="SpreadHours"/> (0: at once). Follows that start a day late and spread over hours fit it as well
/// as follows that come within the hour.
/// </summary>
internal readonly record struct FollowDelay(double DeadHours, double SpreadHours)
{
    public static FollowDelay None { get; } = new(0, 0);

    /// <summary>The mean delay, what the estimate reports as its lag.</summary>
    public double MeanHours => DeadHours + SpreadHours;

    /// <summary>The dead time in grid steps of <paramref name="step"/>.</summary>
    public int DeadSteps(TimeSpan step) => (int)Math.Round(DeadHours / step.TotalHours);
}
