using System.Text.Json;
using FollowerLoop.Storage;

namespace FollowerLoop.Cache;

/// <summary>The current learned patterns: Postgres first, then the <c>learned_patterns</c> key for Plan.</summary>
public sealed class PatternCache(FastLayer redis, RedisKeys keys, PatternStore patterns)
{
    // Bounds how long a publish lost during a Redis outage can leave older patterns in Redis.
    public static readonly TimeSpan PatternTtl = TimeSpan.FromHours(2);

    public async Task PublishAsync(string account, IReadOnlyCollection<LearnedPattern> current, CancellationToken cancellationToken)
    {
        await patterns.ReplaceCurrentAsync(account, current, cancellationToken);
        var stored = await patterns.GetCurrentAsync(account, cancellationToken);
        await redis.TryAsync("publish patterns", db => db.StringSetAsync(keys.LearnedPatterns, JsonSerializer.Serialize(stored), PatternTtl), cancellationToken);
    }

    public async Task<IReadOnlyList<LearnedPattern>> GetCurrentAsync(string account, CancellationToken cancellationToken)
    {
        var cached = await redis.TryAsync("read patterns", db => db.StringGetAsync(keys.LearnedPatterns), cancellationToken);
        if (cached.Answered && cached.Value.HasValue)
        {
            return JsonSerializer.Deserialize<List<LearnedPattern>>(cached.Value.ToString())!;
        }

        var stored = await patterns.GetCurrentAsync(account, cancellationToken);
        await redis.TryAsync("refill patterns", db => db.StringSetAsync(keys.LearnedPatterns, JsonSerializer.Serialize(stored), PatternTtl), cancellationToken);
        return stored;
    }
}
