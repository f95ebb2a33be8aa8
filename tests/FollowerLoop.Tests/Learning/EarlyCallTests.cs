using FollowerLoop.Content;
using FollowerLoop.Learning;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Tracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FollowerLoop.Tests.Learning;

/// <summary>The 2-hour checkpoint, in process against the sandbox, makes the early-velocity model's call on the post's 48-hour gain.</summary>
public sealed class EarlyCallTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private InProcessWorker _worker = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Two virtual hours in two real seconds: the post has counts to show at its 2-hour checkpoint.
    private const double Factor = 3600;

    public async ValueTask InitializeAsync() => _worker = await InProcessWorker.StartAsync(db, new Dictionary<string, string?>(), Factor);

    public ValueTask DisposeAsync() => _worker.DisposeAsync();

    private async Task<(PostRecord Post, ContentItem Item)> TrackFirstTwoHoursAsync(string text)
    {
        var post = await _worker.PostDirectlyAsync(db, text);
        var checkpoint = _worker.Services.GetRequiredService<CheckpointMeasurer>();
        await checkpoint.MeasureAsync(post.TweetId, CheckpointPhase.Baseline, 1, lastAttempt: false, Ct);
        var clock = _worker.Services.GetRequiredService<TimeProvider>();
        while (clock.GetUtcNow() < post.PostedAt + CheckpointPhase.Hours2.Offset())
        {
            await Task.Delay(200, Ct);
        }

        await checkpoint.MeasureAsync(post.TweetId, CheckpointPhase.Hours2, 1, lastAttempt: false, Ct);
        return (post, (await new ContentStore(db.DataSource).GetAsync(post.DecisionId, Ct))!);
    }

    /// <summary>An early-velocity model where the 48-hour gain follows the 2-hour likes.</summary>
    private async Task<ActiveModel> TrainEarlyVelocityModelAsync()
    {
        var random = new Random(9);
        var candidates = await new TemplateGenerator(new Random(9)).GeneratePostsAsync(60, FormatMix.Even, Ct);
        var start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        const long Followers = 10_000;
        var rows = candidates.Select((c, i) =>
        {
            var likes = random.Next(0, 60);
            var gain = 2 + (0.5 * likes);
            var at = start.AddHours(3 * i);
            var early = new EarlySignals(likes, likes / 5, likes / 10, likes * 40, Followers, null);
            return new TrainingExample($"early-{i}", at, EarlyVelocityFeatures.Build(PostDescription.Of(c), at, early, TimeZoneInfo.Utc), ModelLabel.FromGain(gain, Followers), Followers);
        }).ToList();
        var store = new ModelStore(db.DataSource);
        var active = new ActiveModels(store);
        var learned = await new ModelLearner(store, Options.Create(new LearnOptions()), new FakeTimeProvider(start), NullLogger<ModelLearner>.Instance)
            .LearnAsync(InProcessWorker.Handle, ModelKinds.EarlyVelocity, EarlyVelocityFeatures.Schema, rows, members: 1, ranksChoices: false, Ct);
        Assert.True(learned?.Activated, "the planted relation must beat the mean");
        return (await active.GetAsync(InProcessWorker.Handle, ModelKinds.EarlyVelocity, EarlyVelocityFeatures.Schema, Ct))!;
    }

    [Fact]
    public async Task TwoHourCheckpoint_WithoutAnActiveModel_MakesNoCall()
    {
        // The class shares one database: the other test's model must not count here.
        await using (var connection = await db.DataSource.OpenConnectionAsync(Ct))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "update ml_models set is_active = false");
        }

        var (_, item) = await TrackFirstTwoHoursAsync("Early call, no model: ship the boring version first.");

        Assert.Null(item.PredictedGain2h);
    }

    [Fact]
    public async Task TwoHourCheckpoint_StoresTheModelsCall_FromTheMeasuredCountsAndTheBaseline()
    {
        var model = await TrainEarlyVelocityModelAsync();

        var (post, item) = await TrackFirstTwoHoursAsync("Early call: 3 habits that compound.\n\n1. Sleep\n2. Reading\n3. Walking");

        Assert.NotNull(item.PredictedGain2h);
        var tracking = new TrackingStore(db.DataSource);
        var twoHours = Assert.Single(await tracking.GetVelocityAsync(post.TweetId, Ct), v => v.Phase == "2h");
        var baseline = (await tracking.GetFollowersAsync(post.TweetId, Ct)).Single(f => f.Phase == "baseline").Followers!.Value;
        var row = EarlyVelocityFeatures.Build(
            PostDescription.Of(item)!,
            post.PostedAt,
            new EarlySignals(twoHours.Likes!.Value, twoHours.Retweets!.Value, twoHours.Replies!.Value, twoHours.Views!.Value, baseline, null),
            TimeZoneInfo.Utc);
        Assert.Equal(ModelLabel.ToGain(model.Ensemble.PredictMean([row])[0], baseline), item.PredictedGain2h!.Value, 6);
        // And near the planted relation (gain per 10,000 followers = 2 + 0.5 × likes per 10,000), which the
        // log-scale Poisson fit follows only roughly.
        var planted = (2 + (0.5 * twoHours.Likes!.Value * 10_000 / baseline)) * baseline / 10_000;
        Assert.InRange(item.PredictedGain2h!.Value, (planted * 0.5) - 1, (planted * 1.5) + 1);
    }
}
