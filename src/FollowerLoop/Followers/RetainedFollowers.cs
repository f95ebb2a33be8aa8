using FollowerLoop.Learning;

namespace FollowerLoop.Followers;

/// <summary>Learn's <see cref="LearnTarget.Retained7d"/>: each credited post's followers kept a week (<see cref="CreditedPost.Kept"/>), once most of their fates are known.</summary>
public sealed class RetainedFollowers(CreditedPosts credited) : IRetainedFollowers
{
    public async Task<IReadOnlyDictionary<string, double>> GetAsync(string account, CancellationToken cancellationToken) =>
        (await credited.LoadAsync(account, postedSince: null, cancellationToken))
            .Where(p => p.Kept is not null)
            .ToDictionary(p => p.PostId, p => p.Kept!.Value, StringComparer.Ordinal);
}
