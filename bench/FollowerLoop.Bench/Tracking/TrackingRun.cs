using System.Globalization;
using Dapper;
using FollowerLoop.Harness;
using FollowerLoop.Storage;
using FollowerLoop.Time;
using FollowerLoop.Tracking;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FollowerLoop.Bench.Tracking;

/// <summary>
/// One size: N posts spread over <see cref="TrackingSettings.Spread"/> of virtual time, each tracked by the
/// Durable engine (on Azurite) in a worker process on an accelerated clock, each post's tracking started by the
/// bench as Posting would start it; optionally the worker is killed (SIGKILL) mid-run and restarted at once.
/// Lateness is reported in real seconds.
/// </summary>
internal sealed class TrackingRun(TrackingSettings settings, int posts)
{
    private readonly double _factor = settings.FactorFor(posts);
    private readonly string _hubName = $"bench{Guid.NewGuid():N}"[..20];

    private const string Account = "fl_bench";
    private static readonly DateTimeOffset Epoch = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromMinutes(2);

    public async Task<TrackingOutcome> RunAsync(bool crash, CancellationToken cancellationToken)
    {
        var database = await ScratchDatabase.RecreateAsync(settings.ConnectionString, "bench_tracking", cancellationToken);
        DateTimeOffsetHandler.Register();
        await using var dataSource = NpgsqlDataSource.Create(database);
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync(cancellationToken);
        var clock = new AcceleratedTimeProvider(Epoch, DateTimeOffset.UtcNow.AddSeconds(8), _factor);
        await using var durable = await DurableTrackingClient.StartAsync(_hubName, dataSource, clock, cancellationToken);
        var readLog = Path.Combine(Path.GetTempPath(), $"fl-bench-reads-{Guid.NewGuid():N}.log");
        var workerLog = Path.Combine(Path.GetTempPath(), $"fl-bench-worker-{Guid.NewGuid():N}.log");
        await using var worker = ChildProcess.OfThisProgram(
            [TrackingWorkerCommand.Name, "--read-ms", settings.ReadMs.ToString(CultureInfo.InvariantCulture), "--read-log", readLog],
            WorkerEnvironment(database, clock),
            workerLog);
        worker.Start();

        var first = Epoch + TimeSpan.FromMinutes(10);
        var crashAt = crash ? first + (settings.Spread / 2) : (DateTimeOffset?)null;
        DateTimeOffset? killedAt = null;
        // Each post on time, not after the previous one's start returned: a start slowed by a busy task hub
        // must not slow the posting schedule.
        var seeding = new List<Task<(string PostId, DateTimeOffset PostedAt)>>();
        for (var i = 0; i < posts; i++)
        {
            await clock.DelayUntilAsync(first + (settings.Spread * i / posts), cancellationToken);
            if (crashAt is { } at && killedAt is null && clock.GetUtcNow() >= at)
            {
                // The time once the process is gone: every read the dead worker finished lies before it.
                await worker.KillAsync();
                killedAt = clock.GetUtcNow();
                worker.Start();
            }

            seeding.Add(SeedPostAsync(dataSource, durable.Scheduler, clock, i, cancellationToken));
        }

        var seeded = await Task.WhenAll(seeding);
        await clock.DelayUntilAsync(seeded.Max(p => p.PostedAt) + CheckpointPhase.Hours48.Offset(), cancellationToken);
        var checkpoints = await WaitForCheckpointsAsync(dataSource, posts, cancellationToken);
        await worker.KillAsync();
        var reads = File.Exists(readLog) ? (await File.ReadAllLinesAsync(readLog, cancellationToken)).Select(ParseRead).ToList() : [];
        File.Delete(readLog);
        var outcome = Summarise(seeded, checkpoints, killedAt, reads);
        if (outcome.All.Missed == 0)
        {
            File.Delete(workerLog);
            return outcome;
        }

        await Console.Error.WriteLineAsync($"tracking: {outcome.All.Missed} checkpoints missed; the worker's output: {workerLog}");
        foreach (var line in await durable.UnfinishedAsync(cancellationToken))
        {
            await Console.Error.WriteLineAsync($"  unfinished: {line}");
        }

        return outcome;
    }

    /// <param name="reads">Every metrics read that completed in the worker (one per checkpoint run): the post id and the clock's time.</param>
    private TrackingOutcome Summarise(
        IReadOnlyList<(string PostId, DateTimeOffset PostedAt)> seeded,
        IReadOnlyList<TrackedCheckpoint> checkpoints,
        DateTimeOffset? killedAt,
        IReadOnlyList<(string PostId, DateTimeOffset At)> reads)
    {
        var scheduled = checkpoints.Where(c => c.Phase != CheckpointPhase.Baseline.ToColumn()).ToList();
        var followerLoop = LatenessSummary.From(scheduled.Select(c => RealLateness(c)).ToList());
        var measured = checkpoints.Where(c => c.CheckedAt is not null).ToList();

        int? caught = null;
        double? recovery = null;
        var hit = new List<TrackedCheckpoint>();
        (DateTimeOffset From, DateTimeOffset To)? outage = null;
        if (killedAt is { } kill)
        {
            // Down from the kill until the restarted worker measured something. The crash caught the checkpoints
            // due by then, and those due while the engine was still working off that backlog (until the last
            // checkpoint due in the outage was measured): at an accelerated clock a few seconds down leave
            // hours of checkpoints queued, and the ones behind them wait for the crash, not for the engine.
            var afterKill = measured.Where(c => c.CheckedAt > kill).ToList();
            var backAt = afterKill.Min(c => c.CheckedAt!.Value);
            var drainedAt = afterKill.Where(c => c.DueAt <= backAt).Select(c => c.CheckedAt!.Value).DefaultIfEmpty(backAt).Max();
            outage = (kill, backAt);
            hit = afterKill.Where(c => c.DueAt <= drainedAt).ToList();
            caught = hit.Count;
            recovery = hit.Count == 0 ? 0 : hit.Max(c => RealLateness(c)!.Value.TotalSeconds);
        }

        var polling = LatenessSummary.From(PollingDesign.Simulate(seeded, settings.PollingReadCost, outage)
            .Select(c => c.CheckedAt - c.DueAt)
            .ToList());
        var uncaught = LatenessSummary.From(scheduled.Except(hit).Select(c => RealLateness(c)).ToList());
        var early = measured.Count(c => c.CheckedAt < c.DueAt);
        var (duplicated, redone) = CountRepeatedReads(measured, reads, killedAt);
        return new TrackingOutcome(posts, _factor, followerLoop, uncaught, PeakPerSecond(measured), polling, caught, recovery, early, duplicated, redone);
    }

    /// <summary>
    /// Reads beyond one per measured checkpoint, split in two. Redone: the killed worker had read the post but
    /// died before recording it (no checkpoint of that post recorded between the read and the kill), so the
    /// read ran again after the restart; no engine can avoid it for a read in flight at a SIGKILL, and nothing
    /// is recorded twice. Duplicated: any other repeat, a checkpoint read again although its result was kept.
    /// (A read cut off before its end never reaches the log.)
    /// </summary>
    private static (int Duplicated, int Redone) CountRepeatedReads(
        IReadOnlyList<TrackedCheckpoint> measured, IReadOnlyList<(string PostId, DateTimeOffset At)> reads, DateTimeOffset? killedAt)
    {
        var recorded = measured.ToLookup(c => c.PostId, c => c.CheckedAt!.Value);
        int duplicated = 0, redone = 0;
        foreach (var post in reads.GroupBy(r => r.PostId))
        {
            var extra = Math.Max(0, post.Count() - recorded[post.Key].Count());
            var lost = killedAt is { } kill
                ? post.Count(r => r.At < kill && !recorded[post.Key].Any(at => at >= r.At && at < kill))
                : 0;
            redone += Math.Min(extra, lost);
            duplicated += Math.Max(0, extra - lost);
        }

        return (duplicated, redone);
    }

    private static (string PostId, DateTimeOffset At) ParseRead(string line)
    {
        var fields = line.Split('\t');
        return (fields[0], DateTimeOffset.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The most checkpoints finished within one real second of the run: what the engine sustained at its busiest.</summary>
    private double PeakPerSecond(IReadOnlyList<TrackedCheckpoint> measured) =>
        measured.GroupBy(c => Math.Floor((c.CheckedAt!.Value - Epoch).TotalSeconds / _factor)).Max(g => g.Count());

    private TimeSpan? RealLateness(TrackedCheckpoint c) => c.CheckedAt is { } at ? (at - c.DueAt) / _factor : null;

    private static async Task<(string, DateTimeOffset)> SeedPostAsync(
        NpgsqlDataSource dataSource, ICheckpointScheduler scheduler, TimeProvider clock, int index, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var item = new ContentItem
        {
            DecisionId = Guid.NewGuid(),
            Account = Account,
            Kind = ContentKind.Post,
            Text = $"benchmark post {index}",
            ContentHash = $"bench-{index}-{Guid.NewGuid():N}",
            ScheduledFor = now,
            CreatedAt = now,
        };
        await new ContentStore(dataSource).EnqueueAsync(item, cancellationToken);
        var post = new PostRecord(item.DecisionId, (1_900_000_000_000_000_000L + index).ToString(CultureInfo.InvariantCulture), Account, now, null);
        await new PostStore(dataSource).RecordPostedAsync(post, now, cancellationToken);
        await scheduler.StartTrackingAsync(post, new HashSet<CheckpointPhase>(), cancellationToken);

        return (post.TweetId, now);
    }

    private static async Task<IReadOnlyList<TrackedCheckpoint>> WaitForCheckpointsAsync(NpgsqlDataSource dataSource, int posts, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + CompletionTimeout;
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var rows = (await connection.QueryAsync<(string PostId, string Phase, DateTimeOffset DueAt, DateTimeOffset CheckedAt, string Status)>(
                "select post_id, collection_phase, due_at, checked_at, status from post_velocity_tracking")).ToList();
            if (rows.Count >= posts * CheckpointPhases.All.Count || DateTime.UtcNow > deadline)
            {
                var byKey = rows.ToDictionary(r => (r.PostId, r.Phase));
                var all = await connection.QueryAsync<(string TweetId, DateTimeOffset PostedAt)>("select tweet_id, posted_at from posted_decisions");
                return all.SelectMany(p => CheckpointPhases.All.Select(phase =>
                        byKey.TryGetValue((p.TweetId, phase.ToColumn()), out var r) && r.Status == CheckpointStatus.Measured
                            ? new TrackedCheckpoint(p.TweetId, r.Phase, r.DueAt, r.CheckedAt)
                            : new TrackedCheckpoint(p.TweetId, phase.ToColumn(), p.PostedAt + phase.Offset(), null)))
                    .ToList();
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private Dictionary<string, string> WorkerEnvironment(string database, AcceleratedTimeProvider clock)
    {
        var environment = WorkerSettings.Base(database, settings.Redis, $"bench{Guid.NewGuid():N}", Account, clock, _hubName);
        environment["DurableTask__MaxConcurrentActivities"] = "16";
        // One profile read serves the checkpoints of one virtual window; at this clock a minute is a few
        // real milliseconds, which would serialise reads that production shares across a whole minute.
        environment["Tracking__ProfileReuseWindow"] = "00:10:00";
        return environment;
    }
}
