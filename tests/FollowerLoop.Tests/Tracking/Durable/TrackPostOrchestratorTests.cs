using FollowerLoop.Storage;
using FollowerLoop.Tracking;
using FollowerLoop.Tracking.Durable;

namespace FollowerLoop.Tests.Tracking.Durable;

/// <summary>The whole 2/6/12/24/48h schedule on a virtual clock, in an instant.</summary>
public sealed class TrackPostOrchestratorTests
{
    private static readonly DateTime PostedAt = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMinutes(1);

    private static TrackPostInput Input(int maxAttempts = 4) => new(
        "1900000000000000001",
        CheckpointPhases.All.Select(p => new PhaseDue(p.ToColumn(), new DateTimeOffset(PostedAt + p.Offset()))).ToList(),
        maxAttempts,
        BaseDelay);

    private static CheckpointActivityResult Result(CheckpointOutcomeKind kind, TimeSpan? retryAfter = null) =>
        new(kind.ToString(), retryAfter, kind == CheckpointOutcomeKind.Measured ? null : "X answered 503");

    private static CheckpointActivityInput In(ActivityCall call) => Assert.IsType<CheckpointActivityInput>(call.Input);

    private static DateTime Due(string phase) => PostedAt + CheckpointPhases.Parse(phase).Offset();

    private static readonly TimeSpan Slack = TrackPostOrchestrator.TimerSlack;

    private static async Task<(FakeOrchestrationContext Context, IReadOnlyList<PhaseResult> Results)> RunAsync(
        Func<ActivityCall, object?> activities, TrackPostInput? input = null, Func<DateTime, TimeSpan>? fireEarly = null)
    {
        var context = new FakeOrchestrationContext(PostedAt + TimeSpan.FromMilliseconds(200), activities);
        if (fireEarly is not null)
        {
            context.FireEarly = fireEarly;
        }

        var results = await new TrackPostOrchestrator().RunAsync(context, input ?? Input());
        return (context, results);
    }

    [Fact]
    public async Task TrackPost_RunsAllSixPhasesInOrder_BaselineAtOnceAndEachOtherOnItsDueTime()
    {
        var (context, results) = await RunAsync(_ => Result(CheckpointOutcomeKind.Measured));

        Assert.Equal(CheckpointPhases.All.Select(p => p.ToColumn()), context.Activities.Select(a => In(a).Phase));
        Assert.All(context.Activities, a => Assert.Equal(CheckpointActivity.Name, a.Name));
        Assert.Equal(PostedAt + TimeSpan.FromMilliseconds(200), context.Activities[0].At);
        Assert.Equal(CheckpointPhases.Scheduled.Select(p => PostedAt + p.Offset() + Slack), context.Timers);
        Assert.All(context.Activities.Skip(1), a => Assert.Equal(Due(In(a).Phase) + Slack, a.At));
        Assert.All(results, r => Assert.Equal((nameof(CheckpointOutcomeKind.Measured), 1), (r.Outcome, r.Attempts)));
        Assert.All(context.Activities, a => Assert.NotNull(a.Options?.Retry));
    }

    [Fact]
    public async Task TrackPost_WhenATimerFiresUpToTheSlackEarly_RunsTheCheckpointOnTimeWithOneTimerAPhase()
    {
        var (context, _) = await RunAsync(_ => Result(CheckpointOutcomeKind.Measured), fireEarly: _ => TimeSpan.FromMilliseconds(990));

        Assert.All(context.Activities, a => Assert.True(a.At >= Due(In(a).Phase), $"{In(a).Phase} ran at {a.At:O}, before {Due(In(a).Phase):O}"));
        Assert.Equal(CheckpointPhases.Scheduled.Count, context.Timers.Count);
    }

    [Fact]
    public async Task TrackPost_WhenATimerFiresBeforeItIsDue_ReArmsItAndRunsNoCheckpointBeforeItIsDue()
    {
        var early = new HashSet<DateTime>();
        // Each timer fires 1.9 s early (past the slack) the first time it is armed for a moment, on time the second.
        var (context, _) = await RunAsync(
            _ => Result(CheckpointOutcomeKind.Measured),
            fireEarly: at => early.Add(at) ? Slack + TimeSpan.FromMilliseconds(900) : TimeSpan.Zero);

        Assert.All(context.Activities, a => Assert.True(a.At >= Due(In(a).Phase), $"{In(a).Phase} ran at {a.At:O}, before {Due(In(a).Phase):O}"));
        Assert.Equal(CheckpointPhases.Scheduled.SelectMany(p => new[] { PostedAt + p.Offset() + Slack, PostedAt + p.Offset() + Slack }), context.Timers);
    }

    [Fact]
    public async Task TrackPost_WhenReadsFail_RetriesWithDoublingBackoffAndNothingElseInBetween()
    {
        var (context, results) = await RunAsync(call =>
            In(call) is { Phase: "6h", Attempt: < 3 } ? Result(CheckpointOutcomeKind.Retry) : Result(CheckpointOutcomeKind.Measured));

        var sixHours = context.Activities.Where(a => In(a).Phase == "6h").ToList();
        Assert.Equal([1, 2, 3], sixHours.Select(a => In(a).Attempt));
        Assert.Equal(Due("6h") + Slack, sixHours[0].At);
        Assert.Equal(BaseDelay + Slack, sixHours[1].At - (sixHours[0].At + context.ActivityDuration));
        Assert.Equal(BaseDelay * 2 + Slack, sixHours[2].At - (sixHours[1].At + context.ActivityDuration));
        Assert.All(sixHours, a => Assert.False(In(a).LastAttempt));
        Assert.Equal((nameof(CheckpointOutcomeKind.Measured), 3), (results.Single(r => r.Phase == "6h").Outcome, results.Single(r => r.Phase == "6h").Attempts));
        Assert.Equal(CheckpointPhases.All.Count + 2, context.Activities.Count);
    }

    [Fact]
    public async Task TrackPost_OnTheLastAttempt_AsksForTheFailureToBeRecordedAndGoesOnToTheNextPhase()
    {
        const int MaxAttempts = 3;
        var (context, results) = await RunAsync(
            call => In(call) switch
            {
                { Phase: "12h", LastAttempt: false } => Result(CheckpointOutcomeKind.Retry),
                { Phase: "12h", LastAttempt: true } => Result(CheckpointOutcomeKind.Failed),
                _ => Result(CheckpointOutcomeKind.Measured),
            },
            Input(MaxAttempts));

        var twelve = context.Activities.Where(a => In(a).Phase == "12h").Select(In).ToList();
        Assert.Equal([(1, false), (2, false), (3, true)], twelve.Select(i => (i.Attempt, i.LastAttempt)));
        Assert.Equal(new PhaseResult("12h", nameof(CheckpointOutcomeKind.Failed), MaxAttempts), results.Single(r => r.Phase == "12h"));
        Assert.Equal(["24h", "48h"], context.Activities.SkipWhile(a => In(a).Phase != "12h").Where(a => In(a).Phase != "12h").Select(a => In(a).Phase));
        Assert.Equal(Due("24h") + Slack, context.Activities.Single(a => In(a).Phase == "24h").At);
    }

    [Fact]
    public async Task TrackPost_WhenRateLimited_WaitsForTheResetRatherThanTheShorterBackoff()
    {
        var reset = TimeSpan.FromMinutes(15);
        var (context, _) = await RunAsync(call =>
            In(call) is { Phase: "24h", Attempt: 1 } ? Result(CheckpointOutcomeKind.Retry, reset) : Result(CheckpointOutcomeKind.Measured));

        var calls = context.Activities.Where(a => In(a).Phase == "24h").ToList();
        Assert.Equal(2, calls.Count);
        Assert.Equal(reset + Slack, calls[1].At - (calls[0].At + context.ActivityDuration));
    }

    [Fact]
    public async Task TrackPost_WhileAwaitingALogin_TriesAgainAtItsIntervalWithoutSpendingAttemptsOrBackingOff()
    {
        // Two of X's failures first: the third attempt, the last, would back off four minutes; a login wait keeps its minute.
        var interval = TimeSpan.FromMinutes(1);
        var calls = 0;
        var (context, results) = await RunAsync(
            call => In(call) is not { Phase: "2h" } ? Result(CheckpointOutcomeKind.Measured) : ++calls switch
            {
                <= 2 => Result(CheckpointOutcomeKind.Retry),
                <= 7 => Result(CheckpointOutcomeKind.Retry, interval) with { AwaitingLogin = true },
                _ => Result(CheckpointOutcomeKind.Measured),
            },
            Input(maxAttempts: 3));

        var twoHours = context.Activities.Where(a => In(a).Phase == "2h").ToList();
        Assert.Equal([1, 2, 3, 3, 3, 3, 3, 3], twoHours.Select(a => In(a).Attempt));
        Assert.All(twoHours.Skip(2).Zip(twoHours.Skip(3)), pair => Assert.Equal(interval + Slack, pair.Second.At - (pair.First.At + context.ActivityDuration)));
        Assert.Equal(new PhaseResult("2h", nameof(CheckpointOutcomeKind.Measured), 3), results.Single(r => r.Phase == "2h"));
    }

    [Fact]
    public async Task TrackPost_CustomStatus_ShowsThePhasesDoneAndWhenTheNextIsDue()
    {
        var (context, _) = await RunAsync(_ => Result(CheckpointOutcomeKind.Measured));

        var statuses = context.Statuses.Cast<TrackPostStatus>().ToList();
        var waitingFor24h = Assert.Single(statuses, s => s.Next == "24h");
        Assert.Equal(["baseline", "2h", "6h", "12h"], waitingFor24h.Done);
        Assert.Equal(new DateTimeOffset(Due("24h")), waitingFor24h.NextDueAt);
        Assert.Equal((null, null), (statuses[^1].Next, statuses[^1].NextDueAt));
        Assert.Equal(CheckpointPhases.All.Select(p => p.ToColumn()), statuses[^1].Done);
    }
}
