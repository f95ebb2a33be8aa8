using FollowerLoop.Storage;
using StackExchange.Redis;

namespace FollowerLoop.Cache;

/// <summary>
/// Daily rate-limit counters (posts, replies) in Redis, seeded from Postgres. A counter may only
/// trail the truth when an increment was lost (Redis down, or this process is new), so after any lost
/// write, and once per process, the counter is recomputed from Postgres before it is trusted.
/// </summary>
public sealed class DailyCounters(FastLayer redis, RedisKeys keys, PostStore posts, TimeProvider time)
{
    private static readonly TimeSpan CounterLifetime = TimeSpan.FromDays(2);
    private int _trusted;

    /// <summary>How many items of <paramref name="kind"/> the account posted on the current UTC day.</summary>
    public async Task<int> GetTodayAsync(string account, string kind, CancellationToken cancellationToken)
    {
        var (day, key) = Today(kind);
        if (Volatile.Read(ref _trusted) == 1)
        {
            var cached = await redis.TryAsync("read daily counter", db => db.StringGetAsync(key), cancellationToken);
            if (cached.Answered && cached.Value.TryParse(out int value))
            {
                return value;
            }
        }

        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var count = await posts.CountPostedAsync(account, kind, start, start.AddDays(1), cancellationToken);
        var stored = await redis.TryAsync("seed daily counter", db => db.StringSetAsync(key, count, CounterLifetime), cancellationToken);
        Volatile.Write(ref _trusted, stored is { Answered: true, Value: true } ? 1 : 0);
        return count;
    }

    /// <summary>Call after the post is recorded in Postgres.</summary>
    public async Task IncrementAsync(string kind, CancellationToken cancellationToken)
    {
        var (_, key) = Today(kind);
        // Only bump a counter that exists: a missing one is seeded from Postgres on the next read.
        var bumped = await redis.TryAsync(
            "increment daily counter",
            db => db.ScriptEvaluateAsync(
                "if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCR', KEYS[1]) end return 0",
                [key]),
            cancellationToken);
        if (!bumped.Answered)
        {
            Volatile.Write(ref _trusted, 0);
        }
    }

    private (DateOnly Day, RedisKey Key) Today(string kind)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return (day, keys.DailyCounter(kind, day));
    }
}
