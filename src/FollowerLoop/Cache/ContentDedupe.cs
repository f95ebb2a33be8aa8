using FollowerLoop.Storage;

namespace FollowerLoop.Cache;

/// <summary>
/// "Have we planned this exact content before?" A hit in the Redis set answers at once; a miss (or
/// Redis down) asks Postgres, whose unique content_hash is the real guard.
/// </summary>
public sealed class ContentDedupe(FastLayer redis, RedisKeys keys, ContentStore content)
{
    public async Task<bool> IsKnownAsync(string contentHash, CancellationToken cancellationToken)
    {
        var cached = await redis.TryAsync("read content hash", db => db.SetContainsAsync(keys.ContentHashes, contentHash), cancellationToken);
        if (cached is { Answered: true, Value: true })
        {
            return true;
        }

        var known = await content.HashExistsAsync(contentHash, cancellationToken);
        if (known)
        {
            await RememberAsync(contentHash, cancellationToken);
        }

        return known;
    }

    /// <summary>Call after the item is in Postgres.</summary>
    public Task RememberAsync(string contentHash, CancellationToken cancellationToken) =>
        redis.TryAsync("remember content hash", db => db.SetAddAsync(keys.ContentHashes, contentHash), cancellationToken);
}
