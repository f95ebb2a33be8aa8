using System.Globalization;
using System.Text.Json;
using FollowerLoop.Cache;
using FollowerLoop.Content;
using FollowerLoop.Learning;
using FollowerLoop.Storage;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Planning;

/// <summary>
/// Recomputes the posting hours (the account's local hours) and the content mix Plan works with. With a gain model: the hours whose
/// predicted gain (averaged over recent posts, moved to each hour) is highest (with <c>Plan:ExploreHours</c>: ranks highest
/// under Plan's exploration at half its reach, so hours the model is unsure of get their turns, as candidates do), spaced as
/// Plan needs, and a mix in proportion to each format's mean predicted gain. Before that: the hour and format patterns, else hours
/// spread over the day and an even mix.
/// </summary>
public sealed class StrategyJob(
    TrainingStore training,
    ActiveModels models,
    PatternCache patterns,
    StrategyStore strategies,
    IOptions<AccountOptions> account,
    IOptions<PlanOptions> plan,
    Random random,
    TimeProvider time)
{
    private const int ReferencePosts = 100;

    // A day's hours are drawn nearer the mean than a candidate is (half Plan's ThompsonScale or UcbWidth): they place
    // every post of the next hours at once, so a wild draw costs many posts where a candidate's costs one.
    private const double HourDrawShare = 0.5;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var handle = account.Value.Handle;
        var now = time.GetUtcNow();
        var model = await models.GetAsync(handle, ModelKinds.Gain, GainFeatures.Schema, cancellationToken);
        var reference = model is null ? [] : await ReferenceAsync(handle, cancellationToken);
        var (mix, hours, notes) = reference.Count > 0
            ? FromModel(model!, reference, now)
            : FromPatterns(await patterns.GetCurrentAsync(handle, cancellationToken));
        await strategies.SaveAsync(
            new PostingStrategy
            {
                Account = handle,
                ContentMix = JsonSerializer.Serialize(mix),
                BestHours = JsonSerializer.Serialize(hours),
                ModelId = reference.Count > 0 ? model!.Stored.Id : null,
                Notes = notes,
                CreatedAt = now,
            },
            cancellationToken);
    }

    private (Dictionary<string, double> Mix, IReadOnlyList<int> Hours, string Notes) FromModel(ActiveModel model, IReadOnlyList<PostDescription> reference, DateTimeOffset now)
    {
        var zone = account.Value.GetZone();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var day = new DateTimeOffset(local.Date, local.Offset);
        var hourly = PerVariant(model, reference, 24, (h, p) => GainFeatures.Build(p, PostTiming.Alone(day.AddHours(h)), zone));
        var byHour = plan.Value.ExploreHours ? CandidateChoice.Scores(hourly, plan.Value, random, HourDrawShare) : PoissonEnsemble.Mean(hourly);
        var hours = BestHours.Choose(byHour, plan.Value.PostsPerDay, plan.Value.HourGap);
        var atBest = day.AddHours(hours[0]);
        var formats = ContentLabels.PostFormats;
        var byFormat = formats
            .Zip(PoissonEnsemble.Mean(PerVariant(model, reference, formats.Count, (f, p) => GainFeatures.Build(p with { Format = formats[f] }, PostTiming.Alone(atBest), zone))))
            .ToDictionary(f => f.First, f => f.Second);
        var total = byFormat.Values.Sum();
        return (
            byFormat.ToDictionary(f => f.Key, f => Math.Round(f.Value / total, 3)),
            hours,
            string.Create(
                CultureInfo.InvariantCulture,
                $"gain model v{model.Stored.Version} over {reference.Count} recent posts{(plan.Value.ExploreHours ? "; hours drawn as Plan explores" : "")}"));
    }

    /// <summary>
    /// Each member's mean predicted label of each variant of the reference posts (moved to one hour, or given one format):
    /// <c>result[member][variant]</c>, all predicted in one batch (a prediction call costs about the same for one row as for thousands).
    /// </summary>
    private static double[][] PerVariant(ActiveModel model, IReadOnlyList<PostDescription> reference, int variants, Func<int, PostDescription, float[]> row) =>
        [.. model.Ensemble.Predict([.. Enumerable.Range(0, variants).SelectMany(v => reference.Select(p => row(v, p)))])
            .Select(member => member.Chunk(reference.Count).Select(means => means.Average()).ToArray())];

    private (Dictionary<string, double> Mix, IReadOnlyList<int> Hours, string Notes) FromPatterns(IReadOnlyList<LearnedPattern> current)
    {
        var formats = current.Where(p => p.Category == "format").ToList();
        // Softmax over each format's effect in standard errors: a clear effect moves the mix, a noisy one of the
        // same size barely does, and none drops to zero.
        var weights = formats.ToDictionary(p => p.Finding.Split(':')[0], p => Math.Exp(Math.Clamp(StandardScore(p), -3, 3) / 2));
        var total = weights.Values.Sum();
        var byBlock = current.Where(p => p.Category == "hour").ToDictionary(p => int.Parse(p.Finding[..2], CultureInfo.InvariantCulture), p => p.EffectSize);
        var hours = byBlock.Count == 0
            ? PlanSlots.Evenly(plan.Value.PostsPerDay)
            : BestHours.Choose([.. Enumerable.Range(0, 24).Select(h => byBlock.GetValueOrDefault(h / 3 * 3))], plan.Value.PostsPerDay, plan.Value.HourGap);
        return (
            weights.ToDictionary(w => w.Key, w => Math.Round(w.Value / total, 3)),
            hours,
            formats.Count == 0 ? "nothing learned yet: hours spread over the day, even mix" : $"from {current.Count} learned patterns (no gain model yet)");
    }

    /// <summary>The effect over its standard error (read back from the 95% interval); 0 without an interval.</summary>
    private static double StandardScore(LearnedPattern pattern) =>
        pattern is { CiLow: { } low, CiHigh: { } high } && high > low ? pattern.EffectSize / ((high - low) / (2 * 1.959964)) : 0;

    /// <summary>The content of the latest finished posts: what "a typical post" is when moving it across hours and formats.</summary>
    private async Task<IReadOnlyList<PostDescription>> ReferenceAsync(string handle, CancellationToken cancellationToken) =>
    [
        .. (await training.GetAllAsync(handle, cancellationToken))
            .Where(r => r.Kind == ContentKind.Post)
            .TakeLast(ReferencePosts)
            .Select(PostDescription.Of)
            .OfType<PostDescription>(),
    ];
}
