using FollowerLoop.Learning;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FollowerLoop.Tests.Learning;

/// <summary>Training, validation and versioning of models in ml_models on the real database.</summary>
public sealed class ModelLearnerTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private (ModelLearner Learner, ModelStore Store, ActiveModels Active, FakeLogger<ModelLearner> Log) Create()
    {
        var store = new ModelStore(db.DataSource);
        var active = new ActiveModels(store);
        var log = new FakeLogger<ModelLearner>();
        return (new ModelLearner(store, Options.Create(new LearnOptions()), new FakeTimeProvider(SyntheticRows.Start.AddDays(20)), log), store, active, log);
    }

    [Fact]
    public async Task Learn_FirstModel_BeatsTheMean_IsTrainedAgainOnEveryRow_StoredActive_AndLoadsBackPredictingTheSame()
    {
        var (learner, store, active, _) = Create();
        var rows = await SyntheticRows.CreateAsync(40, seed: 1);

        var learned = await learner.LearnAsync("learner_a", ModelKinds.Gain, GainFeatures.Schema, rows, members: 4, ranksChoices: true, Ct);

        Assert.NotNull(learned);
        Assert.True(learned.Activated);
        // Validated on 32 rows against the 8 newest; what is stored and used is the same training on all 40.
        Assert.Equal((1, PoissonEnsemble.Trainer, 40, 32, 8), (learned.Saved.Version, learned.Saved.Trainer, learned.Saved.TrainingRows, learned.Metrics.TrainRows, learned.Metrics.HoldoutRows));
        Assert.Equal("mean", learned.Metrics.Bar);
        Assert.Equal(rows[^1].PostedAt, learned.Metrics.TrainedUntil);
        Assert.True(learned.Metrics.Mae < learned.Metrics.BarMae);

        var loaded = await active.GetAsync("learner_a", ModelKinds.Gain, GainFeatures.Schema, Ct);
        Assert.NotNull(loaded);
        Assert.Equal(learned.Saved.Id, loaded.Stored.Id);
        Assert.Equal(4, loaded.Ensemble.Size);
        var probe = (await SyntheticRows.CreateAsync(30, seed: 99)).Select(r => r.Features).ToList();
        // What comes back from ml_models predicts what the model trained in memory (every row, same seed) predicts.
        var trained = PoissonEnsemble.Train(rows, 4, new LearnOptions().L2Regularization, new LearnOptions().HalfLife, seed: rows.Count);
        Assert.All(trained.PredictMean(probe).Zip(loaded.Ensemble.PredictMean(probe)), p => Assert.Equal(p.First, p.Second, 4));
        Assert.Equal(learned.Saved.Id, (await store.GetActiveAsync("learner_a", ModelKinds.Gain, Ct))!.Id);
    }

    [Fact]
    public async Task Learn_PlantedEffect_IsWhatTheModelPredicts()
    {
        var (learner, _, _, _) = Create();
        var learned = await learner.LearnAsync("learner_b", ModelKinds.Gain, GainFeatures.Schema, await SyntheticRows.CreateAsync(120, seed: 2), members: 4, ranksChoices: true, Ct);

        var model = PoissonEnsemble.FromBytes(learned!.Saved.Model);
        var probe = await SyntheticRows.CreateAsync(200, seed: 3);
        var predicted = model.PredictMean([.. probe.Select(r => r.Features)]);
        var byFormat = probe.Select((r, i) => (Format: GainFeatures.Names[Array.FindIndex(r.Features, v => v == 1)], Gain: ModelLabel.ToGain(predicted[i], r.FollowersAtPost)))
            .GroupBy(x => x.Format)
            .ToDictionary(g => g.Key, g => g.Average(x => x.Gain));
        Assert.InRange(byFormat["format=list"], 30, 50);
        Assert.InRange(byFormat["format=question"], 2, 7);
    }

    [Fact]
    public async Task Learn_ModelWorseThanTheMean_IsSavedButNotActivated()
    {
        var (learner, store, _, log) = Create();
        var good = await SyntheticRows.CreateAsync(40, seed: 4);
        var first = await learner.LearnAsync("learner_c", ModelKinds.Gain, GainFeatures.Schema, good, members: 4, ranksChoices: true, Ct);

        // 48 misleading rows to train on, then the 12 newest (the held-out rows) behave as before.
        var misleading = await SyntheticRows.CreateAsync(48, seed: 5, inverted: true, offsetHours: 200);
        var honest = await SyntheticRows.CreateAsync(12, seed: 6, offsetHours: 400);
        var second = await learner.LearnAsync("learner_c", ModelKinds.Gain, GainFeatures.Schema, [.. misleading, .. honest], members: 4, ranksChoices: true, Ct);

        Assert.NotNull(second);
        Assert.False(second.Activated);
        Assert.Equal((2, "mean", 48), (second.Saved.Version, second.Metrics.Bar, second.Saved.TrainingRows));
        Assert.True(second.Metrics.Mae > second.Metrics.BarMae);
        Assert.Equal(first!.Saved.Id, (await store.GetActiveAsync("learner_c", ModelKinds.Gain, Ct))!.Id);
        Assert.Equal([(1, true), (2, false)], (await store.ListAsync("learner_c", Ct)).Select(m => (m.Version, m.IsActive)));
        Assert.Contains(log.Collector.GetSnapshot(), r => r.Message.Contains("activated: False", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Learn_FirstModelWorseThanTheMean_IsActivatedOnlyWhenItRanksChoices_AndALaterOneStillHasToBeatIt(bool ranksChoices)
    {
        var (learner, store, _, log) = Create();
        var account = $"learner_g_{ranksChoices}";
        var misleading = await SyntheticRows.CreateAsync(48, seed: 5, inverted: true, offsetHours: 200);
        var honest = await SyntheticRows.CreateAsync(12, seed: 6, offsetHours: 400);

        var first = await learner.LearnAsync(account, ModelKinds.Gain, GainFeatures.Schema, [.. misleading, .. honest], members: 4, ranksChoices, Ct);

        Assert.NotNull(first);
        Assert.True(first.Metrics.Mae > first.Metrics.BarMae);
        Assert.Equal(ranksChoices, first.Activated);
        Assert.Equal(ranksChoices ? first.Saved.Id : null, (await store.GetActiveAsync(account, ModelKinds.Gain, Ct))?.Id);
        Assert.Equal(ranksChoices, log.Collector.GetSnapshot().Any(r => r.Message.Contains("first to rank", StringComparison.Ordinal)));

        // Five more rows as misleading: the second version is no better than the mean either, and one is active now.
        var later = await SyntheticRows.CreateAsync(5, seed: 10, inverted: true, offsetHours: 500);
        var second = await learner.LearnAsync(account, ModelKinds.Gain, GainFeatures.Schema, [.. misleading, .. honest, .. later], members: 4, ranksChoices, Ct);

        Assert.NotNull(second);
        Assert.True(second.Metrics.Mae > second.Metrics.BarMae);
        Assert.False(second.Activated);
        Assert.Equal(ranksChoices ? first.Saved.Id : null, (await store.GetActiveAsync(account, ModelKinds.Gain, Ct))?.Id);
    }

    [Fact]
    public async Task Learn_TooFewRows_TrainsNothing_AndSaysSo()
    {
        var (learner, store, _, log) = Create();

        var learned = await learner.LearnAsync("learner_d", ModelKinds.Gain, GainFeatures.Schema, await SyntheticRows.CreateAsync(12, seed: 7), members: 4, ranksChoices: true, Ct);

        Assert.Null(learned);
        Assert.Empty(await store.ListAsync("learner_d", Ct));
        Assert.Contains("12 usable rows of the 20 needed", Assert.Single(log.Collector.GetSnapshot()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActiveModel_OfAnotherFeatureLayout_IsNotUsed()
    {
        var (learner, _, active, _) = Create();
        await learner.LearnAsync("learner_e", ModelKinds.Gain, "gain-v0", await SyntheticRows.CreateAsync(40, seed: 8), members: 2, ranksChoices: true, Ct);

        Assert.Null(await active.GetAsync("learner_e", ModelKinds.Gain, GainFeatures.Schema, Ct));
    }

    [Fact]
    public async Task Learn_AfterARestart_TrainsAgainOnlyWhenEnoughNewRowsArrived()
    {
        var rows = await SyntheticRows.CreateAsync(50, seed: 9);
        await Create().Learner.LearnAsync("learner_f", ModelKinds.Gain, GainFeatures.Schema, rows.Take(40).ToList(), members: 2, ranksChoices: true, Ct);

        // A new learner (a restarted worker) reads what the stored version saw: 4 new rows are not enough, 5 are.
        var (restarted, store, _, _) = Create();
        Assert.Null(await restarted.LearnAsync("learner_f", ModelKinds.Gain, GainFeatures.Schema, rows.Take(44).ToList(), members: 2, ranksChoices: true, Ct));
        Assert.NotNull(await restarted.LearnAsync("learner_f", ModelKinds.Gain, GainFeatures.Schema, rows.Take(45).ToList(), members: 2, ranksChoices: true, Ct));
        Assert.Equal([1, 2], (await store.ListAsync("learner_f", Ct)).Select(m => m.Version));
    }

    [Fact]
    public void Schema_IsTheFeatureLayoutsFingerprint()
    {
        Assert.Matches("^gain-[0-9a-f]{12}$", GainFeatures.Schema);
        Assert.Matches("^early-[0-9a-f]{12}$", EarlyVelocityFeatures.Schema);
    }
}
