using Dapper;
using FollowerLoop.Content;
using FollowerLoop.Planning;
using FollowerLoop.Posting;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.X;
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

    /// <summary>The thread parts queued before a test ran: the class shares one database, and the other tests' threads are not its own.</summary>
    private async Task<HashSet<Guid>> QueuedBeforeAsync() => [.. (await QueuedAsync(ContentKind.ThreadPart)).Select(p => p.DecisionId)];

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
        var before = await QueuedBeforeAsync();
        await Job<ViralThreadJob>().RunAsync(Ct);

        var parts = (await QueuedAsync(ContentKind.ThreadPart)).Where(p => !before.Contains(p.DecisionId)).ToList();
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
    public async Task ViralThread_RewritesAThreadWithARefusedPart_AndKeepsEveryRefusedPartWithWhy()
    {
        // Unique texts: the class shares one database, and the other tests' threads are recent posts to this one.
        var run = Guid.NewGuid().ToString("N")[..8];
        var refusedThread = new[] { $"Thread {run}: how we grew from zero.", new string('y', 290), $"Thread {run}: how we grew from zero!" };
        var goodThread = new[] { $"Thread {run}: what a year of writing taught me.", $"Part two {run}: write every day.", $"Part three {run}: publish before it is perfect." };
        var generator = new ThreadsGenerator([refusedThread, goodThread]);
        var before = (await QueuedAsync(ContentKind.ThreadPart)).Select(p => p.DecisionId).ToHashSet();

        await ActivatorUtilities.CreateInstance<ViralThreadJob>(_worker.Services, generator).RunAsync(Ct);

        Assert.Equal(2, generator.Asked);
        Assert.Equal(goodThread, (await QueuedAsync(ContentKind.ThreadPart)).Where(p => !before.Contains(p.DecisionId)).OrderBy(p => p.ThreadPosition).Select(p => p.Text));
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        var kept = (await connection.QueryAsync<(string Text, string? Format, string Kind, string Reason)>(
            "select text, format, kind, reason from refused_candidates where account = @Handle and text = any(@texts) order by reason",
            new { InProcessWorker.Handle, texts = refusedThread })).AsList();
        // The over-long part and the near-repeat of part 1 in the same thread; part 1 itself passed.
        Assert.Equal([refusedThread[1], refusedThread[2]], kept.Select(k => k.Text));
        Assert.All(kept, k => Assert.Equal((ContentLabels.Thread, ContentKind.ThreadPart), (k.Format, k.Kind)));
        Assert.StartsWith("part 2 of 3: ", kept[0].Reason, StringComparison.Ordinal);
        Assert.Contains("weighs 290", kept[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith("part 3 of 3: ", kept[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ViralThread_WhenAPartCannotBeStored_QueuesNoPartOfIt()
    {
        var before = await QueuedBeforeAsync();
        await using (await FailingInsert.CreateAsync(db, "content_metadata", "new.thread_position = 3"))
        {
            await Assert.ThrowsAsync<Npgsql.PostgresException>(() => Job<ViralThreadJob>().RunAsync(Ct));
        }

        Assert.DoesNotContain(await QueuedAsync(ContentKind.ThreadPart), p => !before.Contains(p.DecisionId));
    }

    /// <summary>Writes the given threads in turn, one per request.</summary>
    private sealed class ThreadsGenerator(IReadOnlyList<string[]> threads) : IContentGenerator
    {
        public int Asked { get; private set; }

        public Task<IReadOnlyList<Candidate>> GeneratePostsAsync(int count, FormatMix mix, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string> GenerateReplyAsync(Mention summons, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<string>> GenerateThreadAsync(string topic, int parts, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(threads[Asked++]);
    }
}
