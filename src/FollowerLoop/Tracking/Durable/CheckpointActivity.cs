using FollowerLoop.Storage;
using FollowerLoop.Time;
using FollowerLoop.X.Usage;
using Microsoft.DurableTask;

namespace FollowerLoop.Tracking.Durable;

/// <summary>
/// One checkpoint attempt, as a Durable activity: <see cref="CheckpointMeasurer"/> does the work, so a
/// re-run after a crash writes nothing twice. The task has its own name, distinct from the class, because
/// the Durable analyzer crashes when a class and a Functions wrapper share one.
/// </summary>
[DurableTask(Name)]
public sealed class CheckpointActivity(CheckpointMeasurer measurer, TimeProvider time)
    : TaskActivity<CheckpointActivityInput, CheckpointActivityResult>
{
    public const string Name = "MeasureCheckpoint";

    public override async Task<CheckpointActivityResult> RunAsync(TaskActivityContext context, CheckpointActivityInput input)
    {
        using var usage = XUsageScope.Begin(XUsageScope.Checkpoint);
        // Activities get no cancellation token: a host shutting down abandons the work item, which runs again.
        var outcome = await measurer.MeasureWhenDueAsync(input.PostId, CheckpointPhases.Parse(input.Phase), input.Attempt, input.LastAttempt, CancellationToken.None);
        var retryAfter = outcome.RetryAfter is { } virtualDelay ? time.ToReal(virtualDelay) : (TimeSpan?)null;
        return new CheckpointActivityResult(outcome.Kind.ToString(), retryAfter, outcome.Reason, outcome.AwaitingLogin);
    }
}
