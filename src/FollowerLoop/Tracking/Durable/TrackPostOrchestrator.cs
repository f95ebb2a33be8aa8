using Microsoft.DurableTask;

namespace FollowerLoop.Tracking.Durable;

/// <summary>
/// One post's tracking as a Durable orchestration: for each phase, a durable timer until it is due,
/// then the checkpoint activity; a retryable failure sleeps (backoff, or the rate limit's reset) and
/// tries again, and the last attempt records the failure; a wait for a new login is not an attempt. Deterministic: time only from the context.
/// </summary>
[DurableTask(Name)]
public sealed class TrackPostOrchestrator : TaskOrchestrator<TrackPostInput, IReadOnlyList<PhaseResult>>
{
    public const string Name = "TrackPost";

    /// <summary>
    /// How much later than due a timer is set. The Azure Storage provider fires timers up to about a second
    /// early (queue visibility is whole seconds); a timer set for the due time itself fired early for most
    /// checkpoints, and each re-armed timer cost the task hub another orchestration episode (a third more).
    /// </summary>
    internal static readonly TimeSpan TimerSlack = TimeSpan.FromSeconds(1);

    // Failures that are not X's (Postgres briefly away, an activity that threw): about 75 s of retries,
    // then the orchestration fails and the reconciler starts it again for the phases still missing.
    private static readonly TaskOptions InfrastructureRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2));

    public override async Task<IReadOnlyList<PhaseResult>> RunAsync(TaskOrchestrationContext context, TrackPostInput input)
    {
        var done = new List<PhaseResult>();
        foreach (var phase in input.Phases)
        {
            done.Add(await MeasureAsync(context, input, phase, done));
        }

        context.SetCustomStatus(new TrackPostStatus(Names(done), Next: null, NextDueAt: null, Attempt: 0));
        return done;
    }

    private static async Task<PhaseResult> MeasureAsync(TaskOrchestrationContext context, TrackPostInput input, PhaseDue phase, List<PhaseResult> done)
    {
        var logger = context.CreateReplaySafeLogger<TrackPostOrchestrator>();
        var dueAt = phase.DueAt;
        for (var attempt = 1; ;)
        {
            context.SetCustomStatus(new TrackPostStatus(Names(done), phase.Phase, dueAt, attempt));
            await WaitUntilAsync(context, dueAt);
            var result = await context.CallActivityAsync<CheckpointActivityResult>(
                CheckpointActivity.Name,
                new CheckpointActivityInput(input.PostId, phase.Phase, attempt, LastAttempt: attempt >= input.MaxAttempts),
                InfrastructureRetry);
            if (result.Outcome != nameof(CheckpointOutcomeKind.Retry))
            {
                return new PhaseResult(phase.Phase, result.Outcome, attempt);
            }

            var delay = CheckpointRetry.Delay(input.RetryBaseDelay, attempt, result.RetryAfter, result.AwaitingLogin);
            dueAt = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero) + delay;
            Log.DurableCheckpointRetry(logger, input.PostId, phase.Phase, attempt, delay, result.Reason ?? "");
            attempt = CheckpointRetry.NextAttempt(attempt, result.AwaitingLogin);
        }
    }

    /// <summary>
    /// A durable timer until <paramref name="dueAt"/> plus <see cref="TimerSlack"/>, re-armed while the
    /// orchestration's clock is still before <paramref name="dueAt"/>.
    /// </summary>
    private static async Task WaitUntilAsync(TaskOrchestrationContext context, DateTimeOffset dueAt)
    {
        while (context.CurrentUtcDateTime < dueAt.UtcDateTime)
        {
            await context.CreateTimer(dueAt.UtcDateTime + TimerSlack, CancellationToken.None);
        }
    }

    private static List<string> Names(List<PhaseResult> done) => done.ConvertAll(d => d.Phase);
}
