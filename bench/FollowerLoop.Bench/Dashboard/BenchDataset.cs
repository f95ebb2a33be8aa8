using System.Text.Json;
using FollowerLoop.Storage;
using Npgsql;
using NpgsqlTypes;

namespace FollowerLoop.Bench.Dashboard;

/// <summary>
/// A long-running account's history, written with Npgsql binary COPY: posts ten a day up to now, six
/// checkpoints each (the latest posts still pending, a few failed or retried), hourly follower snapshots,
/// both attribution methods, a current pattern set with its history, model versions, and every timer job's
/// runs in <c>job_runs</c> on the default schedules over the same span (nothing expires them; a few failed).
/// </summary>
internal sealed class BenchDataset(int posts, DateTimeOffset now)
{
    public const string Account = "fl_bench";

    private static readonly string[] Formats = ["list", "how_to", "story", "stat", "question", "hot_take", "one_liner"];
    private static readonly string[] Topics = ["ai", "coding", "startups", "career", "productivity", "marketing"];
    private static readonly string[] Hooks = ["number", "question", "story", "contrarian"];
    private static readonly double[] LikeShare = [0.01, 0.35, 0.65, 0.85, 0.95, 1.0];
    private static readonly TimeSpan Spacing = TimeSpan.FromHours(2.4);

    private readonly Random _random = new(42);
    private readonly DateTimeOffset _start = now - (Spacing * posts) - TimeSpan.FromHours(1);

    /// <summary>The newest post (its later phases are still pending) and one from the middle of the history.</summary>
    public string NewestPostId => PostId(posts - 1);

    public string OlderPostId => PostId(posts / 2);

    public async Task WriteAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var items = Enumerable.Range(0, posts).Select(NewPost).ToList();
        await CopyAsync(connection, "content_metadata (decision_id, account, kind, text, format, topic, hook, features, policy, status, scheduled_for, content_hash, attempts, posting_started_at, created_at, updated_at)", items, async (w, p) =>
        {
            await w.WriteAsync(p.DecisionId, NpgsqlDbType.Uuid, cancellationToken);
            await w.WriteAsync(Account, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(p.Kind, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(p.Text, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(w, p.Format, cancellationToken);
            await WriteNullableAsync(w, p.Topic, cancellationToken);
            await WriteNullableAsync(w, p.Hook, cancellationToken);
            await w.WriteAsync("{}", NpgsqlDbType.Jsonb, cancellationToken);
            await w.WriteAsync(p.Index % 5 == 0 ? "explore" : "exploit", NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync("posted", NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(p.PostedAt - TimeSpan.FromMinutes(5), NpgsqlDbType.TimestampTz, cancellationToken);
            await w.WriteAsync($"bench-{p.Index}", NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
            await w.WriteAsync(p.PostedAt - TimeSpan.FromMinutes(1), NpgsqlDbType.TimestampTz, cancellationToken);
            await w.WriteAsync(p.PostedAt - TimeSpan.FromHours(3), NpgsqlDbType.TimestampTz, cancellationToken);
            await w.WriteAsync(p.PostedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }, cancellationToken);

        await CopyAsync(connection, "posted_decisions (decision_id, tweet_id, account, posted_at, tracking_scheduled_at)", items, async (w, p) =>
        {
            await w.WriteAsync(p.DecisionId, NpgsqlDbType.Uuid, cancellationToken);
            await w.WriteAsync(p.PostId, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(Account, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(p.PostedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await w.WriteAsync(p.PostedAt + TimeSpan.FromSeconds(2), NpgsqlDbType.TimestampTz, cancellationToken);
        }, cancellationToken);

        var checkpoints = items.SelectMany(Checkpoints).ToList();
        await CopyAsync(connection, "post_velocity_tracking (post_id, collection_phase, status, likes, retweets, replies, bookmarks, views, hours_after_post, due_at, checked_at, attempts, error)", checkpoints, async (w, c) =>
        {
            await WriteCheckpointKeyAsync(w, c, cancellationToken);
            foreach (var value in new[] { c.Likes, c.Likes / 8, c.Likes / 15, c.Likes / 20, c.Likes * 35 + 50 })
            {
                await WriteNullableAsync(w, value, cancellationToken);
            }

            await WriteCheckpointTimesAsync(w, c, cancellationToken);
        }, cancellationToken);

        await CopyAsync(connection, "post_follower_tracking (post_id, collection_phase, status, followers, followers_exact, hours_after_post, due_at, checked_at, attempts, error)", checkpoints, async (w, c) =>
        {
            await WriteCheckpointKeyAsync(w, c, cancellationToken);
            await WriteNullableAsync(w, c.Failed ? null : (long?)Followers(c.CheckedAt), cancellationToken);
            await WriteNullableAsync(w, c.Failed ? null : (bool?)true, cancellationToken);
            await WriteCheckpointTimesAsync(w, c, cancellationToken);
        }, cancellationToken);

        var hours = (int)(now - _start).TotalHours;
        await CopyAsync(connection, "account_snapshots (account, taken_at, followers, followers_exact, following)", Enumerable.Range(0, hours), async (w, h) =>
        {
            var at = _start + TimeSpan.FromHours(h);
            await w.WriteAsync(Account, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
            await w.WriteAsync(Followers(at), NpgsqlDbType.Bigint, cancellationToken);
            await w.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
            await w.WriteAsync(300L, NpgsqlDbType.Bigint, cancellationToken);
        }, cancellationToken);

        var attributions = items
            .Where(p => p.PostedAt + CheckpointPhase.Hours48.Offset() < now - TimeSpan.FromHours(2))
            .SelectMany(p => new[] { (Post: p, Method: "naive"), (Post: p, Method: "engagement_share") })
            .ToList();
        await CopyAsync(connection, "post_attribution (post_id, method, attributed_followers, window_start, window_end, computed_at)", attributions, async (w, a) =>
        {
            var end = a.Post.PostedAt + CheckpointPhase.Hours48.Offset();
            var naive = Followers(end) - Followers(a.Post.PostedAt);
            await w.WriteAsync(a.Post.PostId, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(a.Method, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(a.Method == "naive" ? naive : Math.Round(naive * (0.1 + (_random.NextDouble() * 0.3)), 2), NpgsqlDbType.Double, cancellationToken);
            await w.WriteAsync(a.Post.PostedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await w.WriteAsync(end, NpgsqlDbType.TimestampTz, cancellationToken);
            await w.WriteAsync(end + TimeSpan.FromHours(1), NpgsqlDbType.TimestampTz, cancellationToken);
        }, cancellationToken);

        await WriteModelsAndPatternsAsync(connection, cancellationToken);

        await CopyAsync(connection, "job_runs (job, trigger, started_at, finished_at, duration_ms, result, error, host)", BenchJobRuns.Generate(_start, now, _random), async (w, r) =>
        {
            await w.WriteAsync(r.Job, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(r.Trigger, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(r.StartedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(w, r.FinishedAt, cancellationToken);
            await WriteNullableAsync(w, r.DurationMs, cancellationToken);
            await WriteNullableAsync(w, r.Result, cancellationToken);
            await WriteNullableAsync(w, r.Error, cancellationToken);
            await w.WriteAsync(r.Host, NpgsqlDbType.Text, cancellationToken);
        }, cancellationToken);

        await using var analyze = new NpgsqlCommand("analyze", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task WriteModelsAndPatternsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const int Versions = 25;
        var models = new[] { "gain", "early_velocity" }.SelectMany(kind => Enumerable.Range(1, Versions).Select(v => (Kind: kind, Version: v))).ToList();
        var blob = new byte[16 * 1024];
        _random.NextBytes(blob);
        await CopyAsync(connection, "ml_models (account, kind, version, model, trainer, training_rows, metrics, is_active, trained_at, activated_at)", models, async (w, m) =>
        {
            var trainedAt = now - TimeSpan.FromDays((Versions - m.Version) * 10);
            var mae = Math.Round(9 - (m.Version * 0.12) + _random.NextDouble(), 3);
            await w.WriteAsync(Account, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(m.Kind, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(m.Version, NpgsqlDbType.Integer, cancellationToken);
            await w.WriteAsync(blob, NpgsqlDbType.Bytea, cancellationToken);
            await w.WriteAsync("PoissonRegression x8 (bootstrap)", NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(m.Version * 300, NpgsqlDbType.Integer, cancellationToken);
            await w.WriteAsync(JsonSerializer.Serialize(new { schema = "gain-v1", mae, bar = "mean", bar_mae = mae + 1.5, train_rows = m.Version * 240, holdout_rows = m.Version * 60, members = 8, l2 = 0.1 }), NpgsqlDbType.Jsonb, cancellationToken);
            await w.WriteAsync(m.Version == Versions, NpgsqlDbType.Boolean, cancellationToken);
            await w.WriteAsync(trainedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(w, m.Version == Versions ? trainedAt : (DateTimeOffset?)null, cancellationToken);
        }, cancellationToken);

        // An hourly Learn keeps the current set and leaves the older ones as history.
        var groups = Formats.Select(f => ("format", f)).Concat(Topics.Select(t => ("topic", t))).Concat(Hooks.Select(h => ("hook", h))).ToList();
        var patterns = Enumerable.Range(0, 200).SelectMany(run => groups.Select(g => (Run: run, Category: g.Item1, Group: g.Item2))).ToList();
        await CopyAsync(connection, "learned_patterns (account, category, finding, effect_size, ci_low, ci_high, sample_size, is_current, created_at)", patterns, async (w, p) =>
        {
            var effect = Math.Round((_random.NextDouble() * 16) - 6, 2);
            var half = Math.Round(1 + (_random.NextDouble() * 5), 2);
            var n = 50 + _random.Next(900);
            await w.WriteAsync(Account, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(p.Category, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync($"{p.Group}: {effect:+0.0;-0.0} followers per post vs other {p.Category}s (95% CI {effect - half:0.0} to {effect + half:0.0}, n = {n})", NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(effect, NpgsqlDbType.Double, cancellationToken);
            await w.WriteAsync(effect - half, NpgsqlDbType.Double, cancellationToken);
            await w.WriteAsync(effect + half, NpgsqlDbType.Double, cancellationToken);
            await w.WriteAsync(n, NpgsqlDbType.Integer, cancellationToken);
            await w.WriteAsync(p.Run == 199, NpgsqlDbType.Boolean, cancellationToken);
            await w.WriteAsync(now - TimeSpan.FromHours(199 - p.Run), NpgsqlDbType.TimestampTz, cancellationToken);
        }, cancellationToken);
    }

    private BenchPost NewPost(int index)
    {
        var postedAt = _start + (Spacing * index) + TimeSpan.FromMinutes(_random.Next(-20, 20));
        var kind = (index % 20) switch { 0 or 7 => "reply", 13 => "thread_part", _ => "post" };
        var isPost = kind == "post";
        var format = isPost ? Formats[_random.Next(Formats.Length)] : null;
        var topic = isPost ? Topics[_random.Next(Topics.Length)] : null;
        var text = $"{(format ?? kind).Replace('_', ' ')} on {topic ?? "a thread"} #{index}: what {_random.Next(3, 40)} months of shipping taught us about focus, feedback and saying no.";
        var likes = (long)Math.Round(Math.Exp(2.5 + (_random.NextDouble() * 2.5)));
        return new BenchPost(index, new Guid(_random.Next(), (short)_random.Next(short.MaxValue), (short)_random.Next(short.MaxValue), 1, 2, 3, 4, 5, 6, 7, 8), PostId(index), postedAt, kind, text, format, topic, isPost ? Hooks[_random.Next(Hooks.Length)] : null, likes);
    }

    private IEnumerable<BenchCheckpoint> Checkpoints(BenchPost post)
    {
        for (var i = 0; i < CheckpointPhases.All.Count; i++)
        {
            var phase = CheckpointPhases.All[i];
            var due = post.PostedAt + phase.Offset();
            var checkedAt = due + TimeSpan.FromSeconds(5 + _random.Next(90));
            if (checkedAt > now)
            {
                yield break;
            }

            var failed = _random.NextDouble() < 0.01;
            var attempts = failed ? 4 : _random.NextDouble() < 0.05 ? 2 : 1;
            yield return new BenchCheckpoint(post, phase, due, checkedAt, attempts, failed, failed ? null : (long)Math.Round(post.Likes * LikeShare[i]));
        }
    }

    private static async Task WriteCheckpointKeyAsync(NpgsqlBinaryImporter w, BenchCheckpoint c, CancellationToken cancellationToken)
    {
        await w.WriteAsync(c.Post.PostId, NpgsqlDbType.Text, cancellationToken);
        await w.WriteAsync(c.Phase.ToColumn(), NpgsqlDbType.Text, cancellationToken);
        await w.WriteAsync(c.Failed ? "failed" : "measured", NpgsqlDbType.Text, cancellationToken);
    }

    private static async Task WriteCheckpointTimesAsync(NpgsqlBinaryImporter w, BenchCheckpoint c, CancellationToken cancellationToken)
    {
        await w.WriteAsync((c.CheckedAt - c.Post.PostedAt).TotalHours, NpgsqlDbType.Double, cancellationToken);
        await w.WriteAsync(c.DueAt, NpgsqlDbType.TimestampTz, cancellationToken);
        await w.WriteAsync(c.CheckedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        await w.WriteAsync(c.Attempts, NpgsqlDbType.Integer, cancellationToken);
        await WriteNullableAsync(w, c.Failed ? "the post's page showed none of its counts" : null, cancellationToken);
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string target, IEnumerable<T> rows, Func<NpgsqlBinaryImporter, T, Task> write, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"copy {target} from stdin (format binary)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await write(importer, row);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter w, string? value, CancellationToken cancellationToken) =>
        value is null ? w.WriteNullAsync(cancellationToken) : w.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter w, T? value, CancellationToken cancellationToken)
        where T : struct =>
        value is { } known ? w.WriteAsync(known, cancellationToken) : w.WriteNullAsync(cancellationToken);

    /// <summary>The account's followers at a moment: steady growth with a slow wave, the same for snapshots and checkpoints.</summary>
    private long Followers(DateTimeOffset at)
    {
        var hours = (at - _start).TotalHours;
        return 5_000 + (long)(hours * 0.8) + (long)(40 * Math.Sin(hours / 60));
    }

    private static string PostId(int index) => (1_900_000_000_000_000_000L + (index * 1_000_003L)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
