using FollowerLoop.Learning;

namespace FollowerLoop.Followers;

/// <summary>Learn's <see cref="LearnTarget.Retained7d"/>: each credited post's arrivals kept after a week, where a pass has seen their fate.</summary>
public sealed class RetainedFollowers(CreditedPosts credited) : IRetainedFollowers
{
    public async Task<IReadOnlyDictionary<string, double>> GetAsync(string account, CancellationToken cancellationToken) =>
        (await credited.LoadAsync(account, postedSince: null, cancellationToken))
            .Where(p => p.Retained is not null)
            .ToDictionary(p => p.PostId, p => p.Retained!.Value, StringComparer.Ordinal);
}
