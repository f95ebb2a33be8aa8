using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FollowerLoop.Cache;

/// <summary>The one place Redis keys are built: <c>{prefix}:{account}:…</c>.</summary>
public sealed class RedisKeys(IOptions<RedisOptions> redis, IOptions<AccountOptions> account)
{
    private readonly string _root = $"{redis.Value.KeyPrefix}:{account.Value.Handle}";

    public RedisKey Metrics(string postId) => $"{_root}:metrics:{postId}";

    public RedisKey Followers(string postId) => $"{_root}:follower:{postId}";

    public RedisKey LearnedPatterns => $"{_root}:learned_patterns";

    public RedisKey ContentHashes => $"{_root}:content_hashes";

    public RedisKey DailyCounter(string action, DateOnly day) => $"{_root}:rate:{action}:{day:yyyyMMdd}";
}
