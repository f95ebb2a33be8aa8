using FollowerLoop.Cache;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FollowerLoop.Tests.Cache;

/// <summary>The fast layer over a test database, pointed at a given Redis, with a unique key prefix and captured logs.</summary>
internal sealed class CacheHarness : IAsyncDisposable
{
    public CacheHarness(PostgresDatabase db, string redisConfiguration)
    {
        var redisOptions = Options.Create(new RedisOptions
        {
            Configuration = redisConfiguration,
            KeyPrefix = $"t{Guid.NewGuid():N}",
            OperationTimeout = TimeSpan.FromMilliseconds(500),
        });
        Keys = new RedisKeys(redisOptions, Options.Create(new AccountOptions { Handle = Samples.Account }));
        Redis = new FastLayer(redisOptions, Logger);
        Posts = new PostStore(db.DataSource);
        Content = new ContentStore(db.DataSource);
        Tracking = new TrackingCache(Redis, Keys, new TrackingStore(db.DataSource), new OutcomeStore(db.DataSource));
        Dedupe = new ContentDedupe(Redis, Keys, Content);
        Counters = new DailyCounters(Redis, Keys, Posts, Clock);
        Patterns = new PatternCache(Redis, Keys, new PatternStore(db.DataSource));
    }

    public FakeLogger<FastLayer> Logger { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Samples.Start);

    public RedisKeys Keys { get; }

    public FastLayer Redis { get; }

    public PostStore Posts { get; }

    public ContentStore Content { get; }

    public TrackingCache Tracking { get; }

    public ContentDedupe Dedupe { get; }

    public DailyCounters Counters { get; }

    public PatternCache Patterns { get; }

    public int OutageWarnings => Logger.Collector.GetSnapshot().Count(r => r.Id.Id == 2001);

    public ValueTask DisposeAsync() => Redis.DisposeAsync();
}
