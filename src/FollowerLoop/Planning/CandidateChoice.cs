using FollowerLoop.Learning;

namespace FollowerLoop.Planning;

/// <summary>The planner's pick among candidates the gain model's ensemble has scored.</summary>
internal static class CandidateChoice
{
    /// <param name="predictions">Each member's prediction for each candidate: <c>predictions[member][candidate]</c>.</param>
    /// <returns>The pick, and whether it is also the candidate with the best mean prediction (an exploit pick).</returns>
    public static (int Index, bool Exploit) Choose(double[][] predictions, PlanOptions options, Random random)
    {
        var mean = PoissonEnsemble.Mean(predictions);
        var pick = ArgMax(Scores(predictions, mean, options, random, drawShare: 1));
        return (pick, pick == ArgMax(mean));
    }

    /// <summary>
    /// What the choices are ranked by under the exploration mode: one member drawn at random and tempered towards the mean
    /// (Thompson), or the mean plus <see cref="PlanOptions.UcbWidth"/> of the members' standard deviations (UCB).
    /// </summary>
    /// <param name="predictions">Each member's prediction for each choice: <c>predictions[member][choice]</c>.</param>
    /// <param name="drawShare">The share of Plan's own distance from the mean to draw at (the scale or the width times it; 1 as Plan draws).</param>
    public static double[] Scores(double[][] predictions, PlanOptions options, Random random, double drawShare) =>
        Scores(predictions, PoissonEnsemble.Mean(predictions), options, random, drawShare);

    private static double[] Scores(double[][] predictions, double[] mean, PlanOptions options, Random random, double drawShare) => options.Exploration switch
    {
        ExplorationMode.Thompson => Tempered(predictions[random.Next(predictions.Length)], mean, options.ThompsonScale * drawShare),
        ExplorationMode.Ucb => [.. mean.Select((m, c) => m + (options.UcbWidth * drawShare * StandardDeviation(predictions, c, m)))],
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Exploration, "Unknown exploration mode."),
    };

    /// <summary>The drawn member's predictions moved towards the mean: its distance from the mean times <paramref name="scale"/>.</summary>
    private static double[] Tempered(double[] member, double[] mean, double scale) =>
        [.. member.Select((value, c) => mean[c] + (scale * (value - mean[c])))];

    private static int ArgMax(double[] values) => Array.IndexOf(values, values.Max());

    private static double StandardDeviation(double[][] predictions, int candidate, double mean) =>
        predictions.Length < 2 ? 0 : Math.Sqrt(predictions.Sum(m => (m[candidate] - mean) * (m[candidate] - mean)) / (predictions.Length - 1));
}
