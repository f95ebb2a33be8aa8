using FollowerLoop.Content;

namespace FollowerLoop.Bench.Learning;

/// <summary>
/// The candidates of each planning round, a function of the round's time: every policy choosing at the same
/// time chooses among the same texts, so they differ only in what they pick.
/// </summary>
internal sealed class CandidateBank(int seed, int count)
{
    public int Count => count;

    public Task<IReadOnlyList<Candidate>> ForAsync(DateTimeOffset round) =>
        new TemplateGenerator(new Random(unchecked((seed * 1_000_003) + (int)(round.ToUnixTimeSeconds() / 60)))).GeneratePostsAsync(count, FormatMix.Even, CancellationToken.None);
}
