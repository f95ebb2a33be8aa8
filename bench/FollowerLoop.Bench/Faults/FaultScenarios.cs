using FollowerLoop.Bench.Scrape;
using FollowerLoop.Sandbox;
using FollowerLoop.Storage;
namespace FollowerLoop.Bench.Faults;

/// <summary>A fault: injected into a running loop (its worker started, post A due at once, B half an hour later).</summary>
/// <param name="InjectAsync">Injects the fault and says when it ended and how to tell that the loop has recovered.</param>
internal sealed record FaultScenario(string Name, string What, Func<FaultRig, CancellationToken, Task<FaultRecovery>> InjectAsync);

/// <param name="IsRecoveredAsync">True once the work the fault hit is done (asked from the moment the fault is over).</param>
/// <param name="Note">What was observed, e.g. the state a kill really caught.</param>
internal sealed record FaultRecovery(Func<CancellationToken, Task<bool>> IsRecoveredAsync, string Note = "");

/// <summary>The faults <c>scripts/bench faults</c> injects, one loop each.</summary>
internal static class FaultScenarios
{
    private static readonly TimeSpan StepWait = TimeSpan.FromSeconds(90);

    public static IReadOnlyList<FaultScenario> All { get; } =
    [
        KillWhen("kill: intent recorded", "host killed once the item is marked posting, before X has the post",
            async (rig, ct) => await rig.StatusOfAsync(rig.First, ct) == ContentStatus.Posting && !IsOnX(rig, rig.First)),
        KillWhen("kill: post on X", "host killed once X has the post (the steps after it take milliseconds: where the kill lands is shown)",
            (rig, _) => Task.FromResult(IsOnX(rig, rig.First))),
        CrashedAt("crash state: clicked", "X has the post, its id was never read", PostingStep.Clicked),
        CrashedAt("crash state: id read", "the post's id is kept, the post not recorded", PostingStep.IdRead),
        CrashedAt("crash state: recorded", "the post is recorded, no baseline, tracking not claimed", PostingStep.Recorded),
        CrashedAt("crash state: tracking claimed", "tracking claimed, its orchestration never started", PostingStep.TrackingClaimed),
        new("kill: mid-checkpoint", "host killed while the 2h checkpoint's page read is in flight (the page answers 3 s late)", KillMidCheckpointAsync),
        AroundTwoHours("postgres restarted", "PostgreSQL shut down fast (connections cut) and started, as the 2h checkpoint falls due",
            async (rig, ct) =>
            {
                await rig.Services.RestartPostgresAsync(ct);
                // The bench's own pooled connections died with the server too.
                rig.Database.Clear();
            }),
        AroundTwoHours("redis down 10 min", "Redis stopped for 10 virtual minutes across the 2h checkpoint",
            async (rig, ct) =>
            {
                await rig.Services.Redis.StopAsync();
                await Task.Delay(rig.Clock.ToReal(TimeSpan.FromMinutes(10)), ct);
                await rig.Services.Redis.StartAsync(ct);
            }),
        AroundTwoHours("redis flushed", "every Redis key dropped (FLUSHALL) as the 2h checkpoint falls due",
            async (rig, _) => await rig.Services.Redis.FlushAsync()),
        new("redis from older snapshot", "Redis put back to a snapshot taken before the baselines, as the 6h checkpoint falls due", RestoreRedisAsync),
        AroundTwoHours("azurite restarted", "the durable store (Azurite) down for 2 s as the 2h checkpoint falls due",
            async (rig, ct) =>
            {
                await rig.Services.Azurite.StopAsync();
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
                await rig.Services.Azurite.StartAsync(ct);
            }),
        new("azurite lost its last writes", "what Azurite killed before its autosave loses, while post A waits for its 6h checkpoint: every queued message of the task hub (A's timer too)", LostWritesAsync),
        AroundTwoHours("browser killed", "the worker's Chromium processes killed (SIGKILL) as the 2h checkpoint falls due", KillBrowserAsync),
        new("browser killed mid-read", "the worker's Chromium killed while the 2h checkpoint's page read is in flight (the page answers 3 s late)", KillBrowserMidReadAsync),
        XFault("x: rate limited", SandboxFaultMode.RateLimit, 3, "three answers 429 with Retry-After and a reset"),
        XFault("x: 5xx", SandboxFaultMode.Error, 3, "three answers 500 (x.com's \"Something went wrong\")"),
        XFault("x: login wall", SandboxFaultMode.LoginWall, 2, "two answers that send the session to the login flow"),
        new("x: session expired", "X ends the session (the saved one too) as the 2h checkpoint falls due; a person runs `followerloop x login` an hour later", SessionExpiredAsync),
        XFault("x: counts missing", SandboxFaultMode.Missing, 3, "three pages without their counts (no action bar, no follower link)"),
        XFault("x: error as a 200 page", SandboxFaultMode.SpaError, 3, "three pages that answer 200 with \"Something went wrong\" inside the app"),
        XFault("x: spanish counts", SandboxFaultMode.Spanish, 6, "six pages in a Spanish interface (\"12,3 mil Seguidores\", \"37 Me gusta\")"),
        new("content: over-long", "a 400-character item in the queue", async (rig, ct) =>
        {
            var item = await rig.QueueRefusedAsync(string.Concat(Enumerable.Repeat("Long posts lose readers quickly. ", 12)), ct);
            return new FaultRecovery(async c => await rig.StatusOfAsync(item, c) == ContentStatus.Failed);
        }),
        new("content: duplicate", "an item whose text is already on the account", async (rig, ct) =>
        {
            var text = "Duplicate: the best growth hack is a newsletter people forward.";
            rig.World.Publish(text);
            var item = await rig.QueueRefusedAsync(text, ct);
            return new FaultRecovery(async c => await rig.StatusOfAsync(item, c) == ContentStatus.Failed);
        }),
        new("bad setting", "the host restarted with Posting:MaxPerRun=abc, then with good settings", BadSettingAsync),
    ];

    private static bool IsOnX(FaultRig rig, ContentItem item) => rig.World.GetPosts().Any(p => p.Text == item.Text);

    private static Func<CancellationToken, Task<bool>> Measured(FaultRig rig, ContentItem item, CheckpointPhase phase) =>
        ct => rig.IsMeasuredAsync(item, phase, ct);

    /// <summary>Kills the worker the moment <paramref name="reached"/> holds for post A, and starts it again at once.</summary>
    private static FaultScenario KillWhen(string name, string what, Func<FaultRig, CancellationToken, Task<bool>> reached) =>
        new(name, what, async (rig, ct) =>
        {
            var caught = await Until.WithinAsync(() => reached(rig, ct), StepWait, TimeSpan.FromMilliseconds(5), ct) is not null;
            await rig.KillWorkerAsync();
            var state = await StateOfAsync(rig, rig.First, ct);
            rig.StartWorker();
            return new FaultRecovery(Measured(rig, rig.First, CheckpointPhase.Baseline), caught ? $"caught: {state}" : $"step not seen; killed at: {state}");
        });

    /// <summary>
    /// The state a kill at <paramref name="step"/> of posting A leaves (the database, X and the task hub are all that outlive a
    /// process), written while the host is down: these steps follow each other within milliseconds, too fast to kill between.
    /// </summary>
    private static FaultScenario CrashedAt(string name, string what, PostingStep step) =>
        new(name, $"host down with: {what}", async (rig, ct) =>
        {
            await rig.KillWorkerAsync();
            var item = rig.First;
            var content = new ContentStore(rig.Database);
            var posts = new PostStore(rig.Database);
            var now = rig.Clock.GetUtcNow();
            await content.MarkPostingAsync(item.DecisionId, now, ct);
            var onX = rig.World.Publish(item.Text);
            if (step >= PostingStep.IdRead)
            {
                await content.MarkSentAsync(item.DecisionId, onX.Id, now, ct);
            }

            if (step >= PostingStep.Recorded)
            {
                await posts.RecordPostedAsync(new PostRecord(item.DecisionId, onX.Id, FaultRig.Handle, onX.PostedAt, null), now, ct);
            }

            if (step >= PostingStep.TrackingClaimed)
            {
                await posts.ClaimTrackingAsync(onX.Id, now, ct);
            }

            rig.StartWorker();
            return new FaultRecovery(Measured(rig, item, CheckpointPhase.Baseline));
        });

    /// <summary>Where post A stood when the worker died, read from what the dead worker left.</summary>
    private static async Task<string> StateOfAsync(FaultRig rig, ContentItem item, CancellationToken cancellationToken)
    {
        var post = await rig.PostOfAsync(item, cancellationToken);
        return post switch
        {
            { TrackingScheduledAt: not null } when await rig.IsMeasuredAsync(item, CheckpointPhase.Baseline, cancellationToken) => "baseline measured",
            { TrackingScheduledAt: not null } => "tracking claimed",
            not null => "recorded",
            null when await rig.SentTweetIdOfAsync(item, cancellationToken) is not null => "id kept",
            null when IsOnX(rig, item) => "on X, id not read",
            null => $"item {await rig.StatusOfAsync(item, cancellationToken)}, not on X",
        };
    }

    /// <summary>Waits for post A's 2h checkpoint to be a few virtual minutes off, runs the fault, then waits for that checkpoint.</summary>
    private static FaultScenario AroundTwoHours(string name, string what, Func<FaultRig, CancellationToken, Task> inject) =>
        new(name, what, async (rig, ct) =>
        {
            var post = await rig.WaitPostedAsync(rig.First, ct);
            await rig.AtAsync(post.PostedAt + CheckpointPhase.Hours2.Offset() - TimeSpan.FromMinutes(5), ct);
            await inject(rig, ct);
            return new FaultRecovery(Measured(rig, rig.First, CheckpointPhase.Hours2));
        });

    /// <summary>
    /// Post A's orchestration waits on a timer that no longer exists: only the reconciler's stuck sweep brings it back. At
    /// 3,600× the wait between A's 2h and 6h checkpoints (4 s) is the only one long enough to drop its timer in.
    /// </summary>
    private static async Task<FaultRecovery> LostWritesAsync(FaultRig rig, CancellationToken cancellationToken)
    {
        await rig.WaitPostedAsync(rig.First, cancellationToken);
        var measured = await Until.WithinAsync(() => rig.IsMeasuredAsync(rig.First, CheckpointPhase.Hours2, cancellationToken), StepWait, TimeSpan.FromMilliseconds(5), cancellationToken);
        // Half a virtual hour for the orchestration to arm its 6h timer.
        await rig.AtAsync(rig.Clock.GetUtcNow() + TimeSpan.FromMinutes(30), cancellationToken);
        // The loss alone, not the kill: a restart takes seconds, in which the worker could take A's timer first, and
        // Azurite killed within 5 s of a clear brings the messages back from its last save.
        await rig.DropTaskHubMessagesAsync(cancellationToken);
        var missed = measured is null ? "A's 2h checkpoint not seen in time"
            : await rig.IsMeasuredAsync(rig.First, CheckpointPhase.Hours6, cancellationToken) ? "A's 6h checkpoint was measured before the drop" : "";
        return new FaultRecovery(Measured(rig, rig.First, CheckpointPhase.Hours6), missed);
    }

    private static FaultScenario XFault(string name, SandboxFaultMode mode, int count, string what) =>
        AroundTwoHours(name, $"x.com: the next {what}", (rig, ct) => rig.FaultXAsync(mode, count, "/", ct));

    /// <summary>The checkpoints due while the session is out wait for the next login (<c>Tracking:LoginWait</c>) and are read then.</summary>
    private static async Task<FaultRecovery> SessionExpiredAsync(FaultRig rig, CancellationToken cancellationToken)
    {
        var post = await rig.WaitPostedAsync(rig.First, cancellationToken);
        var due = post.PostedAt + CheckpointPhase.Hours2.Offset();
        await rig.AtAsync(due - TimeSpan.FromMinutes(5), cancellationToken);
        await rig.ExpireSessionsAsync(cancellationToken);
        await rig.AtAsync(due + TimeSpan.FromHours(1), cancellationToken);
        var waited = !await rig.IsMeasuredAsync(rig.First, CheckpointPhase.Hours2, cancellationToken);
        var login = System.Diagnostics.Stopwatch.StartNew();
        await rig.LogInAsync(cancellationToken);
        var note = waited ? "the 2h checkpoint waited for the login" : "the 2h checkpoint was measured before the login";
        return new FaultRecovery(Measured(rig, rig.First, CheckpointPhase.Hours2), $"{note}, which took {login.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task<FaultRecovery> KillMidCheckpointAsync(FaultRig rig, CancellationToken cancellationToken)
    {
        var inFlight = await TwoHourReadInFlightAsync(rig, slowReads: 2, cancellationToken);
        await rig.KillWorkerAsync();
        rig.StartWorker();
        return new FaultRecovery(Measured(rig, rig.First, CheckpointPhase.Hours2), InFlightNote(inFlight));
    }

    private static async Task<FaultRecovery> KillBrowserMidReadAsync(FaultRig rig, CancellationToken cancellationToken)
    {
        var inFlight = await TwoHourReadInFlightAsync(rig, slowReads: 1, cancellationToken);
        await KillBrowserAsync(rig, cancellationToken);
        return new FaultRecovery(Measured(rig, rig.First, CheckpointPhase.Hours2), InFlightNote(inFlight));
    }

    /// <summary>
    /// Makes post A's next <paramref name="slowReads"/> 2h page reads slow (the page answers 3 real seconds late) and returns
    /// half a second after the first started: true when it is then still unrecorded, i.e. in flight.
    /// </summary>
    private static async Task<bool> TwoHourReadInFlightAsync(FaultRig rig, int slowReads, CancellationToken cancellationToken)
    {
        var post = await rig.WaitPostedAsync(rig.First, cancellationToken);
        var due = post.PostedAt + CheckpointPhase.Hours2.Offset();
        await rig.AtAsync(due - TimeSpan.FromMinutes(10), cancellationToken);
        await rig.FaultXAsync(SandboxFaultMode.Slow, slowReads, $"/{FaultRig.Handle}/status/{post.TweetId}", cancellationToken);
        await rig.AtAsync(due, cancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        return !await rig.IsMeasuredAsync(rig.First, CheckpointPhase.Hours2, cancellationToken);
    }

    private static string InFlightNote(bool inFlight) => inFlight ? "killed with the 2h read unrecorded" : "the 2h checkpoint was recorded before the kill";

    private static async Task<FaultRecovery> RestoreRedisAsync(FaultRig rig, CancellationToken cancellationToken)
    {
        await rig.Services.Redis.TakeSnapshotAsync();
        var post = await rig.WaitPostedAsync(rig.First, cancellationToken);
        await rig.AtAsync(post.PostedAt + CheckpointPhase.Hours6.Offset() - TimeSpan.FromMinutes(5), cancellationToken);
        await rig.Services.Redis.RestoreSnapshotAsync(cancellationToken);
        return new FaultRecovery(Measured(rig, rig.First, CheckpointPhase.Hours6));
    }

    private static Task KillBrowserAsync(FaultRig rig, CancellationToken cancellationToken)
    {
        var worker = rig.WorkerProcessId ?? throw new InvalidOperationException("the worker is not running");
        foreach (var pid in ChromiumProcesses.Current(worker))
        {
            try
            {
                using var chromium = System.Diagnostics.Process.GetProcessById(pid);
                chromium.Kill();
            }
            catch (ArgumentException)
            {
                // Gone already: a child of a process killed a moment before.
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<FaultRecovery> BadSettingAsync(FaultRig rig, CancellationToken cancellationToken)
    {
        await rig.KillWorkerAsync();
        rig.StartWorker(new Dictionary<string, string> { ["Posting__MaxPerRun"] = "abc" });
        var exit = await rig.WaitForWorkerExitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        await rig.KillWorkerAsync();
        rig.StartWorker();
        var note = exit is null ? "the host did not stop on the bad setting" : $"exit {exit}";
        return new FaultRecovery(Measured(rig, rig.First, CheckpointPhase.Baseline), note);
    }
}

/// <summary>Posting's steps after the intent is recorded, in order.</summary>
internal enum PostingStep
{
    Clicked,
    IdRead,
    Recorded,
    TrackingClaimed,
}
