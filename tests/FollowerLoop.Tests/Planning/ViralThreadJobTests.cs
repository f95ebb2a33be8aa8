using Dapper;
using FollowerLoop.Content;
using FollowerLoop.Planning;
using FollowerLoop.Posting;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FollowerLoop.Tests.Planning;

/// <summary>Viral thread in process, then Posting through the real browser against the sandbox.</summary>
public sealed class ViralThreadJobTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private InProcessWorker _worker = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _worker = await InProcessWorker.StartAsync(db, new Dictionary<string, string?>
        {
            ["Posting:MinSpacing"] = "00:00:00",
            ["Plan:Seed"] = "5",
        });

    public ValueTask DisposeAsync() => _worker.DisposeAsync();

    private T Job<T>()
        where T : notnull => _worker.Services.GetRequiredService<T>();

    private async Task<List<ContentItem>> QueuedAsync(string kind) =>
        [.. (await new ContentStore(db.DataSource).GetDueAsync(InProcessWorker.Handle, DateTimeOffset.UtcNow.AddDays(2), 200, Ct)).Where(i => i.Kind == kind)];

    private async Task PostAllDueAsync(int runs)
    {
        for (var run = 0; run < runs; run++)
        {
            await Job<PostingJob>().RunAsync(Ct);
        }
    }

    [Fact]
    public async Task ViralThread_QueuesOneChain_AndPostingPostsEachPartAsAReplyToThePreviousOne()
    {
        await Job<ViralThreadJob>().RunAsync(Ct);

        var parts = await QueuedAsync(ContentKind.ThreadPart);
        Assert.InRange(parts.Count, 3, 7);
        Assert.Single(parts.Select(p => p.ThreadId).Distinct());
        Assert.Single(parts.Select(p => p.ScheduledFor).Distinct());
        Assert.Equal(Enumerable.Range(1, parts.Count), parts.Select(p => p.ThreadPosition!.Value));
        Assert.All(parts, p => Assert.Contains(p.Topic, ContentLabels.Topics));

        // Its slot is up to a day away: bring it forward rather than wait.
        await using (var connection = await db.DataSource.OpenConnectionAsync(Ct))
        {
            await connection.ExecuteAsync("update content_metadata set scheduled_for = now() - interval '1 minute' where thread_id = @id", new { id = parts[0].ThreadId });
        }

        await PostAllDueAsync(runs: parts.Count);

        var posted = _worker.World.GetPosts().Where(p => !p.IsReply).OrderBy(p => p.Sequence).ToList();
        Assert.Equal(parts.Select(p => p.Text), posted.Select(p => p.Text));
        Assert.Null(posted[0].InReplyToId);
        Assert.All(posted.Skip(1).Zip(posted), pair => Assert.Equal(pair.Second.Id, pair.First.InReplyToId));
    }

    [Fact]
    public async Task ViralThread_WhenAPartCannotBeStored_QueuesNoPartOfIt()
    {
        // The class shares one database: a part the other test left queued (its posting failed) is not this test's.
        var before = (await QueuedAsync(ContentKind.ThreadPart)).Select(p => p.DecisionId).ToHashSet();
        await using (await FailingInsert.CreateAsync(db, "content_metadata", "new.thread_position = 3"))
        {
            await Assert.ThrowsAsync<Npgsql.PostgresException>(() => Job<ViralThreadJob>().RunAsync(Ct));
        }

        Assert.DoesNotContain(await QueuedAsync(ContentKind.ThreadPart), p => !before.Contains(p.DecisionId));
    }
}
