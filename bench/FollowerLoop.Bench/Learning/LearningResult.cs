using System.Globalization;
using System.Text.Json;

namespace FollowerLoop.Bench.Learning;

/// <summary>The three policies side by side, the normalised score on the last posts, the late-start bound, and the attribution error.</summary>
/// <param name="LateOracle">The oracle taking over only where FollowerLoop first planned with a model (random before).</param>
/// <param name="KeptOracle">With followers: the oracle that picks by followers expected to stay a week.</param>
internal sealed record LearningResult(
    LearningSettings Settings, PolicyOutcome Random, LearnedOutcome Learned, PolicyOutcome Oracle, PolicyOutcome LateOracle, TimeSpan Elapsed, PolicyOutcome? KeptOracle = null)
{
    public const int Tail = 100;
    public const double ScoreTarget = 0.6;
    public const int Stretch = 50;

    private int TailPosts => Math.Min(Tail, Settings.Posts);

    /// <summary>(learned − random) / (oracle − random) over the last <see cref="Tail"/> posts: 0 is no better than random, 1 is the oracle.</summary>
    public double NormalisedScore => Score(p => p.Last(TailPosts), Oracle);

    /// <summary>
    /// The score of <see cref="LateOracle"/>: about what a learner perfect from FollowerLoop's first model on could reach,
    /// its posts before that random's. A reference, not a cap: the oracle picks by expected gain one post at a time and
    /// is scored on true gains, luck included (it can pass 1). Where an account's growth compounds, a late start alone costs much.
    /// </summary>
    public double LateOracleScore => Score(p => p.Last(TailPosts), Oracle, LateOracle);

    /// <summary>
    /// The same score on each post's expected gain where and when it went out: the policies' choices without their
    /// posts' luck (a viral post, a noisy draw), though still with the account size their earlier posts built up.
    /// </summary>
    public double ExpectedScore => Score(p => p.LastExpected(TailPosts), Oracle);

    /// <summary>The same score on gains per 10,000 followers at posting: a policy's picks, without the account size its earlier posts built up.</summary>
    public double SizeFreeScore => Score(p => p.LastPer10K(TailPosts), Oracle);

    /// <summary>The score on followers kept a week (true counts), against the oracle of kept followers; NaN without followers.</summary>
    public double KeptScore => KeptOracle is { } oracle ? Score(p => p.LastKept(TailPosts), oracle) : double.NaN;

    /// <summary>(learned − random) / (oracle − random) on <paramref name="last"/>, one figure per policy over its last posts; <paramref name="learned"/> by default FollowerLoop's.</summary>
    private double Score(Func<PolicyOutcome, double> last, PolicyOutcome oracle, PolicyOutcome? learned = null) =>
        (last(learned ?? Learned.Policy) - last(Random)) / (last(oracle) - last(Random));

    /// <summary>Issue #15: engagement share's error at most half the overlap-shared baseline's (which already knows overlap, unlike naive).</summary>
    public bool AttributionTargetMet => Learned.Attribution.EngagementShare <= Learned.Attribution.OverlapShared / 2;

    public async Task WriteTableAsync(TextWriter output)
    {
        var days = (Learned.Policy.LastPostAt - LearningSettings.Epoch).TotalDays;
        await output.WriteLineAsync(Line($"learning: audience seed {Settings.AudienceSeed}{(Settings.AudienceFile is null ? "" : $" ({Settings.AudienceFile})")}, {Settings.Posts} posts per policy, exploration {Settings.Exploration}, {Settings.Reads} reads, {days:0.0} virtual days{(Settings.Overrides.Count == 0 ? "" : $", settings {string.Join(", ", Settings.Overrides.Select(o => $"{o.Key}={o.Value}"))}")}"));
        await output.WriteLineAsync(Line($"{"policy",-10}{"true followers gained",24}{$"last {TailPosts} posts",16}{"per post (last)",18}"));
        foreach (var policy in new[] { Random, Learned.Policy, Oracle })
        {
            await output.WriteLineAsync(Line($"{policy.Name,-10}{policy.Total,24:0}{policy.Last(TailPosts),16:0}{policy.Last(TailPosts) / TailPosts,18:0.00}"));
        }

        await output.WriteLineAsync(Line($"normalised score (last {TailPosts}): {NormalisedScore:0.00}  (target ≥ {ScoreTarget:0.0}: {(NormalisedScore >= ScoreTarget ? "met" : "NOT met")})"));
        await output.WriteLineAsync(Line($"size-free score (the same on gains per 10k followers at posting): {SizeFreeScore:0.00}; expected score (on each post's expected gain, without its luck): {ExpectedScore:0.00}"));
        await output.WriteLineAsync(Line($"size-free score by {Stretch} posts (the late oracle's in brackets): {string.Join(", ", SizeFreeByStretch().Select(s => Line($"{s.From}-{s.To} {s.Learned:0.00} ({s.LateOracle:0.00})")))}"));
        await output.WriteLineAsync(Line($"late-start bound: the oracle from post {Learned.PostsBeforeModel + 1} (FollowerLoop's first with a model; random's picks before it) scores {LateOracleScore:0.00}"));
        foreach (var policy in new[] { Random, Learned.Policy, Oracle })
        {
            await output.WriteLineAsync(Line($"last {TailPosts} of {policy.Name}: {policy.Mix}"));
        }

        var a = Learned.Attribution;
        await output.WriteLineAsync(Line($"attribution MAE vs the sandbox's truth ({a.Posts} posts): naive {a.Naive:0.00}, overlap-shared {a.OverlapShared:0.00}, engagement share {a.EngagementShare:0.00} followers per post  (target ≤ half of overlap-shared: {(AttributionTargetMet ? "met" : "NOT met")})"));
        await output.WriteLineAsync(Line($"  floor: each post credited what its reach made it due (only its follows' own draws unknown) would err {a.Floor:0.00} ({a.Floor / a.OverlapShared:0.00} × overlap-shared's; engagement share {a.EngagementShare / a.OverlapShared:0.00} ×)"));
        if (a.LikersFloor is { } likersFloor)
        {
            await output.WriteLineAsync(Line($"  floor given the likes: the same, and each fully listed post's followers who liked it counted, would err {likersFloor:0.00} ({likersFloor / a.OverlapShared:0.00} ×)"));
        }

        if (a.Compared is { } c)
        {
            await output.WriteLineAsync(Line($"  replayed on this run's data ({c.Posts} posts, before the likes): the job's rules {c.Kept:0.00} ({c.Kept / a.OverlapShared:0.000} × overlap-shared's)"));
            foreach (var (set, mae) in Settings.Compare!.Zip(c.Compared))
            {
                await output.WriteLineAsync(Line($"    {set.Name}: {mae:0.00} ({mae / a.OverlapShared:0.000} ×)"));
            }
        }

        if (a.Reported is { } reported)
        {
            await output.WriteLineAsync(Line($"X's own follows of each post (x_reported, what Learn used): MAE {reported:0.00} against the same truth"));
        }

        if (KeptOracle is { } kept && Learned.Arrivals is { } arrivals)
        {
            var target = Settings.Overrides.GetValueOrDefault("Learn:Target") ?? "Gained";
            await output.WriteLineAsync(Line($"followers kept a week (last {TailPosts}): random {Random.LastKept(TailPosts):0}, learned {Learned.Policy.LastKept(TailPosts):0}, oracle of kept {kept.LastKept(TailPosts):0}; kept score {KeptScore:0.00} (Learn:Target={target})"));
            await output.WriteLineAsync(Line($"arrivals credited to posts vs the sandbox's truth: gained MAE {arrivals.Gained:0.00} (mean {arrivals.MeanGained:0.0}, {arrivals.Posts} posts), kept a week MAE {arrivals.Kept:0.00} (mean {arrivals.MeanKept:0.0}, {arrivals.KeptPosts} posts)"));
        }

        await output.WriteLineAsync(Line($"gain model: {Learned.GainModelsTrained} versions trained, {Learned.GainModelsActivated} activated; {Learned.ModelPlannedPosts} of {Learned.Policy.Gains.Count} posts planned with a model, {Learned.ExploitShare:P0} of model-planned posts were the model's best guess (the rest explored)"));
        await output.WriteLineAsync(Line($"wall time: {Elapsed.TotalSeconds:0} s (learned {Learned.Policy.Elapsed.TotalSeconds:0} s, random {Random.Elapsed.TotalSeconds:0} s, oracle {Oracle.Elapsed.TotalSeconds:0} s, late oracle {LateOracle.Elapsed.TotalSeconds:0} s)"));
        await output.WriteLineAsync(Line($"  learned's jobs: {string.Join(", ", Learned.JobTimes.Select(j => Line($"{j.Key} {j.Value.Elapsed.TotalSeconds:0.0} s ({j.Value.Runs} runs)")))}"));
    }

    public string ToJson() => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["bench"] = "learning",
        ["audience_seed"] = Settings.AudienceSeed,
        ["audience_file"] = Settings.AudienceFile,
        ["posts"] = Settings.Posts,
        ["exploration"] = Settings.Exploration.ToString().ToLowerInvariant(),
        ["settings"] = Settings.Overrides,
        ["reads"] = Settings.Reads.ToString().ToLowerInvariant(),
        ["random"] = Random.Total,
        ["learned"] = Learned.Policy.Total,
        ["oracle"] = Oracle.Total,
        ["random_last"] = Random.Last(TailPosts),
        ["learned_last"] = Learned.Policy.Last(TailPosts),
        ["oracle_last"] = Oracle.Last(TailPosts),
        ["normalised_score"] = Math.Round(NormalisedScore, 3),
        ["size_free_score"] = Math.Round(SizeFreeScore, 3),
        ["expected_score"] = Math.Round(ExpectedScore, 3),
        ["posts_before_model"] = Learned.PostsBeforeModel,
        ["late_oracle_score"] = Math.Round(LateOracleScore, 3),
        ["size_free_by_stretch"] = SizeFreeByStretch().Select(s => new Dictionary<string, object?> { ["posts"] = $"{s.From}-{s.To}", ["learned"] = Rounded(s.Learned), ["late_oracle"] = Rounded(s.LateOracle) }).ToList(),
        ["attribution_mae_naive"] = Math.Round(Learned.Attribution.Naive, 2),
        ["attribution_mae_shared"] = Math.Round(Learned.Attribution.OverlapShared, 2),
        ["attribution_mae"] = Math.Round(Learned.Attribution.EngagementShare, 2),
        ["attribution_mae_floor"] = Math.Round(Learned.Attribution.Floor, 2),
        ["attribution_mae_floor_likers"] = Learned.Attribution.LikersFloor is { } likersFloor ? Math.Round(likersFloor, 2) : null,
        ["attribution_mae_reported"] = Learned.Attribution.Reported is { } reportedMae ? Math.Round(reportedMae, 2) : null,
        ["attributed_posts"] = Learned.Attribution.Posts,
        ["attribution_mae_replayed"] = Learned.Attribution.Compared is { } replayed ? Math.Round(replayed.Kept, 3) : null,
        ["attribution_mae_compared"] = Learned.Attribution.Compared?.Compared.Select(mae => Math.Round(mae, 3)).ToList(),
        ["compared_posts"] = Learned.Attribution.Compared?.Posts,
        ["gain_models_trained"] = Learned.GainModelsTrained,
        ["gain_models_activated"] = Learned.GainModelsActivated,
        ["model_planned_posts"] = Learned.ModelPlannedPosts,
        ["followers"] = Settings.Followers,
        ["kept_score"] = KeptOracle is null ? null : Math.Round(KeptScore, 3),
        ["random_kept_last"] = KeptOracle is null ? null : Random.LastKept(TailPosts),
        ["learned_kept_last"] = KeptOracle is null ? null : Learned.Policy.LastKept(TailPosts),
        ["oracle_kept_last"] = KeptOracle?.LastKept(TailPosts),
        ["arrivals_mae_gained"] = Learned.Arrivals is { } a1 ? Math.Round(a1.Gained, 2) : null,
        ["arrivals_mae_kept"] = Learned.Arrivals is { } a2 && !double.IsNaN(a2.Kept) ? Math.Round(a2.Kept, 2) : null,
        ["arrivals_posts"] = Learned.Arrivals?.Posts,
        ["seconds"] = Math.Round(Elapsed.TotalSeconds, 1),
        ["seconds_by_job"] = Learned.JobTimes.ToDictionary(j => j.Key, j => Math.Round(j.Value.Elapsed.TotalSeconds, 1)),
    });

    /// <summary>
    /// The size-free score of each stretch of <see cref="Stretch"/> posts, FollowerLoop's and the late oracle's: where a
    /// learner loses (its first models or later), which the last posts' score alone cannot tell on an account that compounds.
    /// </summary>
    public IReadOnlyList<(int From, int To, double Learned, double LateOracle)> SizeFreeByStretch() =>
    [
        .. Enumerable.Range(0, (Settings.Posts + Stretch - 1) / Stretch).Select(k =>
        {
            double Stretched(PolicyOutcome p) => p.GainsPer10K.Skip(k * Stretch).Take(Stretch).Sum();
            return ((k * Stretch) + 1, Math.Min((k + 1) * Stretch, Settings.Posts), Score(Stretched, Oracle), Score(Stretched, Oracle, LateOracle));
        }),
    ];

    /// <summary>A stretch where the oracle and random gained alike has no score: null in the JSON, which cannot hold NaN.</summary>
    private static double? Rounded(double value) => double.IsFinite(value) ? Math.Round(value, 3) : null;

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
