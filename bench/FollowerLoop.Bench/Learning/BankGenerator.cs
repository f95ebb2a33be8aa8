using FollowerLoop.Content;
using FollowerLoop.X;

namespace FollowerLoop.Bench.Learning;

/// <summary>
/// FollowerLoop's generator in the benchmark: the round's candidates from the shared <see cref="CandidateBank"/>,
/// whatever the strategy's mix, so that every policy chooses among the same texts.
/// </summary>
internal sealed class BankGenerator(CandidateBank bank, TimeProvider clock) : IContentGenerator
{
    public Task<IReadOnlyList<Candidate>> GeneratePostsAsync(int count, FormatMix mix, CancellationToken cancellationToken) =>
        count == bank.Count
            ? bank.ForAsync(clock.GetUtcNow())
            : throw new InvalidOperationException($"The benchmark's rounds hold {bank.Count} candidates (Plan:CandidateCount), not {count}.");

    public Task<string> GenerateReplyAsync(Mention summons, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The learning benchmark compares planned posts only; Reply does not run.");

    public Task<IReadOnlyList<string>> GenerateThreadAsync(string topic, int parts, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The learning benchmark compares planned posts only; Viral thread does not run.");
}
