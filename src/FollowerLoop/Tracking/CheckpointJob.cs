using FollowerLoop.Jobs;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Tracking;

/// <summary>
/// The Hangfire engine's checkpoint: one attempt of <see cref="CheckpointMeasurer"/>; a retryable
/// failure before the last attempt becomes a delayed job on the (possibly accelerated) clock.
/// </summary>
public sealed class CheckpointJob(
    CheckpointMeasurer measurer,
    CheckpointScheduler scheduler,
    IOptions<TrackingOptions> options,
    TimeProvider time,
    ILogger<CheckpointJob> logger)
{
    // Hangfire's own retries cover what is not X's fault (Postgres briefly away); X failures are
    // retried below, with delays that follow the (possibly accelerated) clock.
    [Queue(JobQueues.Checkpoints)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [2, 10, 30])]
    [JobDisplayName("Checkpoint {1} of post {0} (attempt {2})")]
    public async Task RunAsync(string postId, CheckpointPhase phase, int attempt, CancellationToken cancellationToken)
    {
        var outcome = await measurer.MeasureAsync(postId, phase, attempt, attempt >= options.Value.MaxAttempts, cancellationToken);
        if (outcome.Kind == CheckpointOutcomeKind.Retry)
        {
            var delay = CheckpointRetry.Delay(options.Value.RetryBaseDelay, attempt, outcome.RetryAfter);
            scheduler.ScheduleAt(postId, phase, time.GetUtcNow() + delay, attempt + 1);
            Log.CheckpointRetry(logger, postId, phase, attempt, delay, outcome.Reason ?? "");
        }
    }
}
