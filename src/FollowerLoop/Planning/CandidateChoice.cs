namespace FollowerLoop.Planning;

/// <summary>The planner's pick among candidates the gain model's ensemble has scored.</summary>
internal static class CandidateChoice
{
    /// <param name="predictions">Each member's prediction for each candidate: <c>predictions[member][candidate]</c>.</param>
    /// <returns>The pick, and whether it is also the candidate with the best mean prediction (an exploit pick).</returns>
    public static (int Index, bool Exploit) Choose(double[][] predictions, PlanOptions options, Random random)
    {
        var candidates = predictions[0].Length;
        var mean = Enumerable.Range(0, candidates).Select(c => predictions.Average(m => m[c])).ToArray();
        var pick = options.Exploration switch
        {
            ExplorationMode.Thompson => ArgMax(Tempered(predictions[random.Next(predictions.Length)], mean, options.ThompsonScale)),
            ExplorationMode.Ucb => ArgMax([.. Enumerable.Range(0, candidates).Select(c => mean[c] + (options.UcbWidth * StandardDeviation(predictions, c, mean[c])))]),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Exploration, "Unknown exploration mode."),
        };
        return (pick, pick == ArgMax(mean));
    }

    /// <summary>The drawn member's predictions moved towards the mean: its distance from the mean times <paramref name="scale"/>.</summary>
    private static double[] Tempered(double[] member, double[] mean, double scale) =>
        [.. member.Select((value, c) => mean[c] + (scale * (value - mean[c])))];

    private static int ArgMax(double[] values) => Array.IndexOf(values, values.Max());

    private static double StandardDeviation(double[][] predictions, int candidate, double mean) =>
        predictions.Length < 2 ? 0 : Math.Sqrt(predictions.Sum(m => (m[candidate] - mean) * (m[candidate] - mean)) / (predictions.Length - 1));
}
