using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FollowerLoop.Cache;

/// <summary>The one place Redis keys are built: <c>{prefix}:{account}:…</c>.</summary>
public sealed class RedisKeys(IOptions<RedisOptions> redis, IOptions<AccountOptions> account)
{
    // Read on first use, as the options are: building a page or a job that may use Redis reads no setting yet.
    private string Root => field ??= $"{redis.Value.KeyPrefix}:{account.Value.Handle}";

    public RedisKey Metrics(string postId) => $"{Root}:metrics:{postId}";

    public RedisKey Followers(string postId) => $"{Root}:follower:{postId}";

    public RedisKey LearnedPatterns => $"{Root}:learned_patterns";

    public RedisKey ContentHashes => $"{Root}:content_hashes";

    public RedisKey DailyCounter(string action, DateOnly day) => $"{Root}:rate:{action}:{day:yyyyMMdd}";
}
