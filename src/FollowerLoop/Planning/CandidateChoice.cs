namespace FollowerLoop.Planning;

/// <summary>The planner's pick among candidates the gain model's ensemble has scored.</summary>
internal static class CandidateChoice
{
    /// <param name="predictions">Each member's prediction for each candidate: <c>predictions[member][candidate]</c>.</param>
    /// <returns>The pick, and whether it is also the candidate with the best mean prediction (an exploit pick).</returns>
    public static (int Index, bool Exploit) Choose(double[][] predictions, ExplorationMode mode, double ucbWidth, Random random)
    {
        var candidates = predictions[0].Length;
        var mean = Enumerable.Range(0, candidates).Select(c => predictions.Average(m => m[c])).ToArray();
        var pick = mode switch
        {
            ExplorationMode.Thompson => ArgMax(predictions[random.Next(predictions.Length)]),
            ExplorationMode.Ucb => ArgMax([.. Enumerable.Range(0, candidates).Select(c => mean[c] + (ucbWidth * StandardDeviation(predictions, c, mean[c])))]),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown exploration mode."),
        };
        return (pick, pick == ArgMax(mean));
    }

    private static int ArgMax(double[] values) => Array.IndexOf(values, values.Max());

    private static double StandardDeviation(double[][] predictions, int candidate, double mean) =>
        predictions.Length < 2 ? 0 : Math.Sqrt(predictions.Sum(m => (m[candidate] - mean) * (m[candidate] - mean)) / (predictions.Length - 1));
}
