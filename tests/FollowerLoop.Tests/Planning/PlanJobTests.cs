using Dapper;
using FollowerLoop.Content;
using FollowerLoop.Learning;
using FollowerLoop.Planning;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Cache;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Tests.Learning;
using FollowerLoop.X;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FollowerLoop.Tests.Planning;

/// <summary>Plan against the real database and Redis: slots, scoring with the active gain model, and what it queues.</summary>
public sealed class PlanJobTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Monday0520 = new(2026, 3, 2, 5, 20, 0, TimeSpan.Zero);
    private CacheHarness _cache = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _cache = new CacheHarness(db, TestEnvironment.Redis);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _cache.DisposeAsync();

    private PlanJob Job(string handle, IContentGenerator generator, PlanOptions plan, TimeProvider clock, ILogger<PlanJob>? logger = null)
    {
        var content = new ContentOptions();
        var guard = new ContentGuard(Options.Create(content));
        var account = Options.Create(new AccountOptions { Handle = handle });
        return new PlanJob(
            generator,
            new ContentQueue(_cache.Content, _cache.Dedupe, guard, Options.Create(content), NullLogger<ContentQueue>.Instance),
            guard,
            new RefusedCandidateStore(db.DataSource),
            new PlanCalendar(new PlanHistory(_cache.Posts, _cache.Content), new StrategyStore(db.DataSource), account, Options.Create(plan)),
            new CandidatePicker(new ActiveModels(new ModelStore(db.DataSource)), new AccountSnapshotStore(db.DataSource), Options.Create(plan), new Random(1)),
            account,
            Options.Create(plan),
            clock,
            logger ?? NullLogger<PlanJob>.Instance);
    }

    private async Task<IReadOnlyList<ContentItem>> QueuedAsync(string handle) =>
        await _cache.Content.GetDueAsync(handle, Monday0520.AddDays(2), 100, Ct);

    [Fact]
    public async Task Run_WithoutStrategyOrModel_FillsTheEvenHoursOfTheHorizon_Once()
    {
        var clock = new FakeTimeProvider(Monday0520);
        var job = Job("plan_a", new TemplateGenerator(new Random(3)), new PlanOptions(), clock);

        await job.RunAsync(Ct);
        await job.RunAsync(Ct);

        // Hours spread over the day are 1, 4, 7, 10, …; the 6-hour horizon from 05:20 holds 07:00 and 10:00.
        var queued = await QueuedAsync("plan_a");
        Assert.Equal([7, 10], queued.Select(q => q.ScheduledFor.Hour));
        Assert.All(queued, q =>
        {
            Assert.Equal(("explore", ContentKind.Post), (q.Policy, q.Kind));
            Assert.Null(q.PredictedGain);
            Assert.NotNull(PostDescription.ParseFeatures(q.Features));
        });
    }

    [Fact]
    public async Task Run_WithAnActiveModel_PicksWhatItPredictsBest_AtTheStrategysHours()
    {
        const string Handle = "plan_b";
        var store = new ModelStore(db.DataSource);
        await new ModelLearner(store, Options.Create(new LearnOptions()), new FakeTimeProvider(Monday0520), NullLogger<ModelLearner>.Instance)
            .LearnAsync(Handle, ModelKinds.Gain, GainFeatures.Schema, await SyntheticRows.CreateAsync(120, seed: 21), members: 4, ranksChoices: true, Ct);
        await new StrategyStore(db.DataSource).SaveAsync(new PostingStrategy { Account = Handle, ContentMix = """{"story": 1}""", BestHours = "[9, 11]", CreatedAt = Monday0520 }, Ct);
        await new AccountSnapshotStore(db.DataSource).UpsertAsync(new AccountSnapshot(Handle, Monday0520, SyntheticRows.Followers, true, 300, null), Ct);
        var all = await new TemplateGenerator(new Random(4)).GeneratePostsAsync(200, FormatMix.Even, Ct);
        var offered = new[] { "question", "question", "list", "story", "question" }.Select(f => all.First(c => c.Format == f && !c.Text.Contains('#'))).Distinct().ToList();

        var plan = new PlanOptions { Exploration = ExplorationMode.Ucb, UcbWidth = 0 };
        var generator = new FixedGenerator(offered);
        await Job(Handle, generator, plan, new FakeTimeProvider(Monday0520)).RunAsync(Ct);

        var queued = await QueuedAsync(Handle);
        Assert.Equal([(9, "list"), (11, "story")], queued.Select(q => (q.ScheduledFor.Hour, q.Format!)));
        Assert.All(queued, q => Assert.Equal("exploit", q.Policy));
        Assert.True(queued[0].PredictedGain > queued[1].PredictedGain);
        Assert.InRange(queued[0].PredictedGain!.Value, 25, 60);
        // The candidates were asked for in the strategy's mix: stories half the time, plus their even share.
        var random = new Random(8);
        Assert.InRange(Enumerable.Range(0, 1000).Count(_ => generator.AskedMix!.Draw(random) == "story") / 1000.0, 0.5, 0.65);
    }

    [Fact]
    public async Task Run_SkipsCandidatesTheGuardsRefuse_AndKeepsEachWithWhy()
    {
        const string Handle = "plan_c";
        var clock = new FakeTimeProvider(Monday0520);
        var posted = Samples.Content("You don't need more SEO tips. You need distribution.") with { Account = Handle };
        await _cache.Content.EnqueueAsync(posted with { ContentHash = ContentHash.Of(Handle, posted.Text), ScheduledFor = Monday0520.AddDays(-3) }, Ct);
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        await connection.ExecuteAsync(
            "insert into refused_candidates (account, refused_at, text, reason) values (@Handle, @old, 'A month old.', 'too long'), (@Handle, @recent, 'A week old.', 'too long'), ('plan_other', @old, 'Another account.', 'too long')",
            new { Handle, old = Monday0520 - RefusedCandidateStore.Kept - TimeSpan.FromMinutes(1), recent = Monday0520.AddDays(-7) });
        var offered = new[]
        {
            new Candidate("You don't need more SEO tips. You need distribution!", "one_liner", "marketing", "you", ContentFeatures.Of("x")),
            new Candidate(new string('y', 290), "one_liner", "career", "you", ContentFeatures.Of("y")),
            new Candidate("Stop reading about SEO. Start doing it.", "one_liner", "marketing", "contrarian", ContentFeatures.Of("Stop reading about SEO. Start doing it.")),
            // Passes the guards against the posts before this run, then the queue refuses it for the slot after its twin.
            new Candidate("Stop reading about SEO. Start doing it.", "one_liner", "writing", "contrarian", ContentFeatures.Of("Stop reading about SEO. Start doing it.")),
        };

        var log = new FakeLogger<PlanJob>();

        await Job(Handle, new FixedGenerator(offered), new PlanOptions(), clock, log).RunAsync(Ct);

        var queued = (await QueuedAsync(Handle)).Where(q => q.ScheduledFor > Monday0520).ToList();
        Assert.Equal(["Stop reading about SEO. Start doing it."], queued.Select(q => q.Text));
        // The log says how many and why; each refused candidate is kept with its reason (the problems page lists them), so
        // a generator whose writing the guards keep refusing (an LLM writing past the length limit) is seen.
        var refused = Assert.Single(log.Collector.GetSnapshot(), r => r.Id.Id == 6010);
        Assert.StartsWith("Plan: the guards refused 2 of the 4 candidates written; the first: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("\"You don't need more SEO tips. You need distribution.\"", refused.Message, StringComparison.Ordinal);
        var kept = (await connection.QueryAsync<(string Text, string? Format, string? Topic, string Reason, DateTimeOffset RefusedAt)>(
            "select text, format, topic, reason, refused_at from refused_candidates where account = @Handle order by refused_at",
            new { Handle })).AsList();
        Assert.Equal(["A week old.", .. Enumerable.Repeat(Monday0520, 3).Select(_ => "this run")], kept.Select(k => k.RefusedAt == Monday0520 ? "this run" : k.Text));
        var lengthy = Assert.Single(kept, k => k.Text == offered[1].Text);
        Assert.Equal(("one_liner", "career"), (lengthy.Format, lengthy.Topic));
        Assert.Contains("weighs 290", lengthy.Reason, StringComparison.Ordinal);
        Assert.Contains("You don't need more SEO tips. You need distribution.", Assert.Single(kept, k => k.Text == offered[0].Text).Reason, StringComparison.Ordinal);
        Assert.Equal("the same text was already planned or posted", Assert.Single(kept, k => k.Text == offered[2].Text).Reason);
        // Older than 30 days: dropped as the new ones were written; another account's rows are left alone.
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*)::int from refused_candidates where account = 'plan_other'"));
    }

    private sealed class FixedGenerator(IReadOnlyList<Candidate> candidates) : IContentGenerator
    {
        public FormatMix? AskedMix { get; private set; }

        public Task<IReadOnlyList<Candidate>> GeneratePostsAsync(int count, FormatMix mix, CancellationToken cancellationToken)
        {
            AskedMix = mix;
            return Task.FromResult(candidates);
        }

        public Task<string> GenerateReplyAsync(Mention summons, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<string>> GenerateThreadAsync(string topic, int parts, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
