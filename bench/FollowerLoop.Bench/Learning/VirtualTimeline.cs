using System.Diagnostics;
using Cronos;
using FollowerLoop.Scheduling;
using FollowerLoop.Sandbox.Clock;
using FollowerLoop.Tracking;
using FollowerLoop.X.Usage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Bench.Learning;

/// <summary>
/// Runs FollowerLoop's real jobs in virtual time, as the Durable engine would: the timer jobs at their cron times
/// through the timer-job wrapper, and each post's checkpoints when due as its orchestration runs them (one
/// <see cref="CheckpointMeasurer"/> attempt, a retryable failure tried again after <see cref="CheckpointRetry.Delay"/>),
/// in time order, moving the stepped clock to each. It adds up the wall time each job took (<see cref="Spent"/>): nearly all
/// of a run's time, so the figures say which job to make faster.
/// </summary>
internal sealed class VirtualTimeline(IServiceProvider services, SteppedTimeProvider clock, VirtualCheckpointScheduler checkpoints)
{
    /// <summary>The name <see cref="Spent"/> gives the checkpoint measurements.</summary>
    public const string Checkpoints = "checkpoints";

    private readonly TrackingOptions _tracking = services.GetRequiredService<IOptions<TrackingOptions>>().Value;
    private readonly Dictionary<string, JobTime> _spent = new(StringComparer.Ordinal);

    /// <summary>Each timer job's wall time and runs so far (the checkpoints' under <see cref="Checkpoints"/>), over every <see cref="RunAsync"/>.</summary>
    public IReadOnlyDictionary<string, JobTime> Spent => _spent;

    /// <summary>Runs <paramref name="timers"/> and the due checkpoints until <paramref name="done"/> holds or the clock reaches <paramref name="until"/>.</summary>
    public async Task RunAsync(IReadOnlyList<TimerJob> timers, DateTimeOffset until, Func<bool> done, CancellationToken cancellationToken)
    {
        var crons = timers.Select(t => JobSchedules.Parse(t.Cron)).ToList();
        var next = crons.Select(c => Next(c, clock.GetUtcNow(), inclusive: true)).ToArray();
        while (!done())
        {
            var at = new[] { checkpoints.NextDue ?? DateTimeOffset.MaxValue, next.Min() }.Min();
            if (at > until)
            {
                clock.SetUtcNow(until);
                return;
            }

            if (at > clock.GetUtcNow())
            {
                clock.SetUtcNow(at);
            }

            while (checkpoints.TakeDue(clock.GetUtcNow()) is { } checkpoint)
            {
                var started = Stopwatch.GetTimestamp();
                await MeasureAsync(checkpoint, cancellationToken);
                Add(Checkpoints, started);
            }

            for (var i = 0; i < timers.Count; i++)
            {
                if (next[i] <= clock.GetUtcNow())
                {
                    var started = Stopwatch.GetTimestamp();
                    await using (var scope = services.CreateAsyncScope())
                    {
                        await scope.ServiceProvider.GetRequiredService<TimerJobExecutor>().RunAsync(timers[i], scope.ServiceProvider, JobTrigger.Schedule, cancellationToken);
                    }

                    Add(timers[i].Name, started);
                    next[i] = Next(crons[i], clock.GetUtcNow(), inclusive: false);
                }
            }
        }
    }

    /// <summary>One attempt, as <see cref="FollowerLoop.Tracking.Durable.TrackPostOrchestrator"/> and its activity make it; a retry is queued on the virtual clock.</summary>
    private async Task MeasureAsync(VirtualCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        using var usage = XUsageScope.Begin(XUsageScope.Checkpoint);
        var outcome = await scope.ServiceProvider.GetRequiredService<CheckpointMeasurer>().MeasureAsync(
            checkpoint.PostId, checkpoint.Phase, checkpoint.Attempt, lastAttempt: checkpoint.Attempt >= _tracking.MaxAttempts, cancellationToken);
        if (outcome.Kind == CheckpointOutcomeKind.Retry)
        {
            var delay = CheckpointRetry.Delay(_tracking.RetryBaseDelay, checkpoint.Attempt, outcome.RetryAfter, outcome.AwaitingLogin);
            checkpoints.Schedule(checkpoint with { DueAt = clock.GetUtcNow() + delay, Attempt = CheckpointRetry.NextAttempt(checkpoint.Attempt, outcome.AwaitingLogin) });
        }
    }

    private void Add(string job, long started)
    {
        var spent = _spent.GetValueOrDefault(job);
        _spent[job] = new JobTime(spent.Elapsed + Stopwatch.GetElapsedTime(started), spent.Runs + 1);
    }

    private static DateTimeOffset Next(CronExpression cron, DateTimeOffset after, bool inclusive) =>
        cron.GetNextOccurrence(after.UtcDateTime, inclusive) is { } next ? new DateTimeOffset(next, TimeSpan.Zero) : DateTimeOffset.MaxValue;
}
