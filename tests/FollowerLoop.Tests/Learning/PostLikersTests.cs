using System.Collections.Concurrent;
using Dapper;
using FollowerLoop.Learning;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.X;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FollowerLoop.Tests.Learning;

/// <summary>Reading the finished posts' likers: once each, a failed read tried again on the next run, nothing stored for it meanwhile.</summary>
public sealed class PostLikersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReadThatFails_StoresNothing_AndIsTriedAgainOnTheNextRun()
    {
        await using var db = new PostgresDatabase();
        await db.InitializeAsync();
        var posts = await FinishedPostsAsync(db, 3);
        var reader = new ScriptedLikers();
        reader.Fail(posts[1].PostId, XErrorKind.Unavailable);
        var likers = Likers(db, reader);

        await likers.RecordAsync(posts, Ct);

        Assert.Equal(new[] { posts[0].PostId, posts[2].PostId }.Order(), await ReadPostIdsAsync(db));
        await likers.RecordAsync(posts, Ct);
        Assert.Equal(posts.Select(p => p.PostId).Order(), await ReadPostIdsAsync(db));
        // Each post was read once when it succeeded: 3 reads, and one more for the one that failed.
        Assert.Equal(4, reader.Asked.Count);
    }

    [Fact]
    public async Task ARateLimit_EndsTheRunsReads()
    {
        await using var db = new PostgresDatabase();
        await db.InitializeAsync();
        var posts = await FinishedPostsAsync(db, 3);
        var reader = new ScriptedLikers();
        reader.Fail(posts[0].PostId, XErrorKind.RateLimited);

        await Likers(db, reader).RecordAsync(posts, Ct);

        Assert.Empty(await ReadPostIdsAsync(db));
        Assert.Equal([posts[0].PostId], reader.Asked);
    }

    [Fact]
    public async Task WithReadLikersOff_NothingIsAsked()
    {
        await using var db = new PostgresDatabase();
        await db.InitializeAsync();
        var posts = await FinishedPostsAsync(db, 2);
        var reader = new ScriptedLikers();

        await Likers(db, reader, new LearnOptions { ReadLikers = false }).RecordAsync(posts, Ct);

        Assert.Empty(reader.Asked);
        Assert.Empty(await ReadPostIdsAsync(db));
    }

    private static PostLikers Likers(PostgresDatabase db, ScriptedLikers reader, LearnOptions? options = null) =>
        new(reader, new LikerStore(db.DataSource), Options.Create(options ?? new LearnOptions()), new FakeTimeProvider(Samples.Start.AddDays(3)), new FakeLogger<PostLikers>());

    private static async Task<IReadOnlyList<PostViews>> FinishedPostsAsync(PostgresDatabase db, int count)
    {
        var posts = new List<PostViews>();
        for (var i = 0; i < count; i++)
        {
            var post = await Samples.PostedAsync(db, Samples.Start.AddHours(i));
            posts.Add(new PostViews(post.TweetId, post.PostedAt, null, [(48, 1000)]));
        }

        return posts;
    }

    private static async Task<List<string>> ReadPostIdsAsync(PostgresDatabase db)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        return (await connection.QueryAsync<string>("select post_id from post_liker_reads order by post_id")).AsList();
    }

    /// <summary>Lists one liker per post, except a post scripted to fail once with the given kind of answer.</summary>
    private sealed class ScriptedLikers : ILikingUsersReader
    {
        private readonly ConcurrentDictionary<string, XErrorKind> _failOnce = new(StringComparer.Ordinal);

        public List<string> Asked { get; } = [];

        public bool Available => true;

        public void Fail(string postId, XErrorKind kind) => _failOnce[postId] = kind;

        public Task<LikingUsers?> ReadAsync(string postId, CancellationToken cancellationToken)
        {
            Asked.Add(postId);
            return _failOnce.TryRemove(postId, out var kind)
                ? Task.FromException<LikingUsers?>(new XClientException($"scripted {kind}", isRetryable: true) { Kind = kind })
                : Task.FromResult<LikingUsers?>(LikingUsers.Listed(postId, [$"liker-of-{postId}"]));
        }
    }
}
