using System.Text.Json;
using FollowerLoop.Storage;
using StackExchange.Redis;

namespace FollowerLoop.Cache;

/// <summary>
/// Checkpoint and metrics data, written through (Postgres first, then Redis) and read through
/// (Redis, else Postgres, then Redis refilled). Redis keys: <c>metrics:{post}</c> (1h TTL) and
/// the <c>follower:{post}</c> hash (expires once its post's tracking is over).
/// Whether a phase is done is asked of Postgres alone: a Redis flag outlives a database restore and skipped checkpoints.
/// </summary>
public sealed class TrackingCache(FastLayer redis, RedisKeys keys, TrackingStore tracking, OutcomeStore outcomes)
{
    public static readonly TimeSpan MetricsTtl = TimeSpan.FromHours(1);

    /// <summary>The follower hash outlives its post's last checkpoint (48h) and the reconciler's catch-up, then goes.</summary>
    public static readonly TimeSpan FollowersTtl = TimeSpan.FromDays(3);

    /// <summary>Stores one checkpoint's two rows (one transaction), then caches what was measured.</summary>
    public async Task RecordCheckpointAsync(VelocityCheckpoint velocity, FollowerCheckpoint followers, CancellationToken cancellationToken)
    {
        await tracking.UpsertCheckpointAsync(velocity, followers, cancellationToken);
        if (velocity.Status != CheckpointStatus.Measured)
        {
            return;
        }

        var snapshot = new MetricsSnapshot(velocity.PostId, velocity.Phase, velocity.Likes, velocity.Retweets,
            velocity.Replies, velocity.Bookmarks, velocity.Views, velocity.CheckedAt);
        await redis.TryAsync(
            "record checkpoint",
            db =>
            {
                var batch = db.CreateBatch();
                var writes = new List<Task>();
                if (followers.Status == CheckpointStatus.Measured && followers.Followers is { } count)
                {
                    writes.Add(batch.HashSetAsync(keys.Followers(followers.PostId), followers.Phase, count));
                    writes.Add(batch.KeyExpireAsync(keys.Followers(followers.PostId), FollowersTtl));
                }

                writes.AddRange(CacheSnapshot(batch, snapshot));
                batch.Execute();
                return Task.WhenAll(writes);
            },
            cancellationToken);
    }

    /// <summary>Stores a post's latest metrics (the Analytics job) and caches them.</summary>
    public async Task RecordLatestAsync(UnifiedOutcome outcome, CancellationToken cancellationToken)
    {
        await outcomes.UpsertAsync(outcome, cancellationToken);
        var snapshot = new MetricsSnapshot(outcome.PostId, outcome.CollectionPhase, outcome.Likes, outcome.Retweets,
            outcome.Replies, outcome.Bookmarks, outcome.Views, outcome.CollectedAt);
        await redis.TryAsync(
            "record latest metrics",
            db =>
            {
                var batch = db.CreateBatch();
                var writes = CacheSnapshot(batch, snapshot);
                batch.Execute();
                return Task.WhenAll(writes);
            },
            cancellationToken);
    }

    /// <summary>The latest metrics of each post that has any (the posts page's counts of a post in flight).</summary>
    public async Task<IReadOnlyDictionary<string, MetricsSnapshot>> GetLatestMetricsAsync(IReadOnlyCollection<string> postIds, CancellationToken cancellationToken)
    {
        var latest = await Task.WhenAll(postIds.Distinct().Select(id => GetLatestMetricsAsync(id, cancellationToken)));
        return latest.OfType<MetricsSnapshot>().ToDictionary(m => m.PostId);
    }

    /// <summary>The latest metrics of the post: the Analytics job's or its newest checkpoint's, whichever is newer; null before either.</summary>
    public async Task<MetricsSnapshot?> GetLatestMetricsAsync(string postId, CancellationToken cancellationToken)
    {
        var cached = await redis.TryAsync("read metrics", db => db.StringGetAsync(keys.Metrics(postId)), cancellationToken);
        if (cached.Answered && cached.Value.HasValue)
        {
            return JsonSerializer.Deserialize<MetricsSnapshot>(cached.Value.ToString());
        }

        var snapshot = await ReadLatestFromPostgresAsync(postId, cancellationToken);
        if (snapshot is not null)
        {
            await redis.TryAsync(
                "refill metrics",
                db => db.StringSetAsync(keys.Metrics(postId), JsonSerializer.Serialize(snapshot), MetricsTtl),
                cancellationToken);
        }

        return snapshot;
    }

    /// <summary>True when the phase's metrics were measured.</summary>
    public Task<bool> IsPhaseMeasuredAsync(string postId, CheckpointPhase phase, CancellationToken cancellationToken) =>
        tracking.IsMeasuredAsync(postId, phase, cancellationToken);

    /// <summary>The account's followers at each measured phase of the post (Redis hash, else Postgres).</summary>
    public async Task<IReadOnlyDictionary<CheckpointPhase, long>> GetFollowerCountsAsync(string postId, CancellationToken cancellationToken)
    {
        var cached = await redis.TryAsync("read followers", db => db.HashGetAllAsync(keys.Followers(postId)), cancellationToken);
        if (cached is { Answered: true, Value.Length: var n } && n == CheckpointPhases.All.Count)
        {
            return cached.Value!.ToDictionary(e => CheckpointPhases.Parse(e.Name.ToString()), e => (long)e.Value);
        }

        // An incomplete hash may only mean Redis missed writes during an outage: Postgres decides.
        var counts = (await tracking.GetFollowersAsync(postId, cancellationToken))
            .Where(r => r.Status == CheckpointStatus.Measured && r.Followers is not null)
            .ToDictionary(r => CheckpointPhases.Parse(r.Phase), r => r.Followers!.Value);
        if (counts.Count > 0)
        {
            await redis.TryAsync(
                "refill followers",
                async db =>
                {
                    await db.HashSetAsync(keys.Followers(postId), counts.Select(c => new HashEntry(c.Key.ToColumn(), c.Value)).ToArray());
                    await db.KeyExpireAsync(keys.Followers(postId), FollowersTtl);
                },
                cancellationToken);
        }

        return counts;
    }

    private List<Task> CacheSnapshot(IBatch batch, MetricsSnapshot snapshot) =>
        [batch.StringSetAsync(keys.Metrics(snapshot.PostId), JsonSerializer.Serialize(snapshot), MetricsTtl)];

    private async Task<MetricsSnapshot?> ReadLatestFromPostgresAsync(string postId, CancellationToken cancellationToken)
    {
        var latest = await outcomes.GetByPostIdAsync(postId, cancellationToken);
        var checkpoint = (await tracking.GetVelocityAsync(postId, cancellationToken))
            .Where(r => r.Status == CheckpointStatus.Measured)
            .MaxBy(r => r.CheckedAt);
        if (checkpoint is not null && (latest is null || checkpoint.CheckedAt > latest.CollectedAt))
        {
            return new MetricsSnapshot(postId, checkpoint.Phase, checkpoint.Likes, checkpoint.Retweets, checkpoint.Replies,
                checkpoint.Bookmarks, checkpoint.Views, checkpoint.CheckedAt);
        }

        return latest is null
            ? null
            : new MetricsSnapshot(postId, latest.CollectionPhase, latest.Likes, latest.Retweets, latest.Replies,
                latest.Bookmarks, latest.Views, latest.CollectedAt);
    }
}
