using Dapper;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;

namespace FollowerLoop.Tests.Storage;

public sealed class LearningStoreTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StoredModel Model(string account, byte[] bytes) => new()
    {
        Account = account, Kind = "gain", Model = bytes, Trainer = "poisson", TrainingRows = 25,
        Metrics = """{"mae": 1.5}""", TrainedAt = Samples.Start,
    };

    [Fact]
    public async Task Models_AreVersionedPerKind_AndOnlyOneIsActive()
    {
        var store = new ModelStore(db.DataSource);
        var first = await store.SaveAsync(Model("models_a", [1, 2, 3]), Ct);
        var second = await store.SaveAsync(Model("models_a", [4, 5]), Ct);

        await store.ActivateAsync(first.Id, Samples.Start, Ct);
        await store.ActivateAsync(second.Id, Samples.Start.AddHours(1), Ct);

        Assert.Equal((1, 2), (first.Version, second.Version));
        var active = await store.GetActiveAsync("models_a", "gain", Ct);
        Assert.Equal(second.Id, active!.Id);
        Assert.Equal(new byte[] { 4, 5 }, active.Model);
        Assert.Equal(1.5, System.Text.Json.JsonDocument.Parse(active.Metrics).RootElement.GetProperty("mae").GetDouble());
        Assert.Single(await store.ListAsync("models_a", Ct), m => m.IsActive);
    }

    [Fact]
    public async Task Models_InactiveVersionsOlderThanTheHistoryKept_AreDeleted_TheActiveOneAndOtherKindsAndAccountsStay()
    {
        var store = new ModelStore(db.DataSource);
        Task<StoredModel> Save(string account, string kind, TimeSpan after) =>
            store.SaveAsync(Model(account, [1]) with { Kind = kind, TrainedAt = Samples.Start + after }, Ct);

        var active = await Save("retention_a", "gain", TimeSpan.Zero);
        await store.ActivateAsync(active.Id, Samples.Start, Ct);
        await Save("retention_a", "gain", TimeSpan.FromDays(1));
        await Save("retention_a", "gain", ModelStore.HistoryKept - TimeSpan.FromDays(2));
        await Save("retention_a", "early_velocity", TimeSpan.Zero);
        await Save("retention_b", "gain", TimeSpan.Zero);
        await Save("retention_a", "gain", ModelStore.HistoryKept + TimeSpan.FromDays(2));

        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        var left = (await connection.QueryAsync<(string Account, string Kind, int Version)>(
            "select account, kind, version from ml_models where account like 'retention_%' order by account, kind, version")).ToList();
        Assert.Equal(
            [("retention_a", "early_velocity", 1), ("retention_a", "gain", 1), ("retention_a", "gain", 3), ("retention_a", "gain", 4), ("retention_b", "gain", 1)],
            left);
        Assert.Equal(5, (await Save("retention_a", "gain", ModelStore.HistoryKept * 3)).Version);
    }

    [Fact]
    public async Task Patterns_ReplaceTheCurrentSet_AndKeepIntervalsAndSampleSize()
    {
        var store = new PatternStore(db.DataSource);
        LearnedPattern Pattern(string finding, double effect) => new()
        {
            Account = "patterns_a", Category = "format", Finding = finding, EffectSize = effect, CiLow = effect - 1,
            CiHigh = effect + 1, SampleSize = 41, CreatedAt = Samples.Start.ToOffset(TimeSpan.FromHours(9)), // a local offset: see AttributionUpsert
        };

        await store.ReplaceCurrentAsync("patterns_a", [Pattern("old", 1)], Ct);
        await store.ReplaceCurrentAsync("patterns_a", [Pattern("lists", 5.2), Pattern("questions", -2), Pattern("threads", 0.5) with { CiLow = null, CiHigh = null }], Ct);

        var current = await store.GetCurrentAsync("patterns_a", Ct);
        Assert.Equal(["lists", "questions", "threads"], current.Select(p => p.Finding));
        Assert.Equal((4.2, 6.2, 41), (current[0].CiLow!.Value, current[0].CiHigh!.Value, current[0].SampleSize));
        Assert.Equal((null, null, 41), (current[2].CiLow, current[2].CiHigh, current[2].SampleSize));
    }

    [Fact]
    public async Task Patterns_ReplacedSetsOlderThanTheHistoryKept_AreDeleted_OtherAccountsUntouched()
    {
        var store = new PatternStore(db.DataSource);
        LearnedPattern Pattern(string account, string finding, TimeSpan after) => new()
        {
            Account = account, Category = "format", Finding = finding, EffectSize = 1, SampleSize = 30, CreatedAt = Samples.Start + after,
        };

        await store.ReplaceCurrentAsync("history_b", [Pattern("history_b", "other account's", TimeSpan.Zero)], Ct);
        await store.ReplaceCurrentAsync("history_b", [Pattern("history_b", "other account's newer", TimeSpan.FromDays(1))], Ct);
        await store.ReplaceCurrentAsync("history_a", [Pattern("history_a", "too old", TimeSpan.Zero), Pattern("history_a", "too old too", TimeSpan.Zero)], Ct);
        await store.ReplaceCurrentAsync("history_a", [Pattern("history_a", "kept", PatternStore.HistoryKept - TimeSpan.FromDays(5))], Ct);
        await store.ReplaceCurrentAsync("history_a", [Pattern("history_a", "current", PatternStore.HistoryKept + TimeSpan.FromDays(1))], Ct);

        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        var left = (await connection.QueryAsync<(string Account, string Finding, bool IsCurrent)>(
            "select account, finding, is_current from learned_patterns where account like 'history_%' order by account, id")).ToList();
        Assert.Equal(
            [("history_a", "kept", false), ("history_a", "current", true), ("history_b", "other account's", false), ("history_b", "other account's newer", true)],
            left);
    }

    [Fact]
    public async Task Strategy_LatestRowWins()
    {
        var store = new StrategyStore(db.DataSource);
        await store.SaveAsync(new PostingStrategy { Account = "strategy_a", ContentMix = """{"list":1}""", BestHours = "[9]", CreatedAt = Samples.Start }, Ct);
        await store.SaveAsync(new PostingStrategy { Account = "strategy_a", ContentMix = """{"list":0.5,"question":0.5}""", BestHours = "[18, 20]", CreatedAt = Samples.Start.AddHours(6) }, Ct);

        var latest = await store.GetLatestAsync("strategy_a", Ct);

        Assert.Equal("[18, 20]", latest!.BestHours);
    }
}
