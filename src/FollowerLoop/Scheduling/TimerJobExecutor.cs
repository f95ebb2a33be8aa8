using System.Diagnostics;
using Dapper;
using FollowerLoop.X.Usage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FollowerLoop.Scheduling;

/// <summary>
/// The wrapper every timer-job run goes through, in the Functions app and the local engine alike, on
/// schedule or run by hand: never two runs of one job at once (a Postgres advisory lock, so across
/// processes too), the run recorded in <c>job_runs</c>, its X API calls charged to the job.
/// </summary>
public sealed class TimerJobExecutor(NpgsqlDataSource dataSource, JobRunStore runs, TimeProvider time, ILogger<TimerJobExecutor> logger)
{
    /// <summary>Runs <paramref name="job"/> with <paramref name="services"/> (the run's scope) and records how it ended; a failure is recorded, then thrown.</summary>
    public async Task<JobRunResult> RunAsync(TimerJob job, IServiceProvider services, JobTrigger trigger, CancellationToken cancellationToken)
    {
        // The lock lives as long as this connection's session: a process that dies mid-run releases it.
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        var runId = await runs.StartAsync(job.Name, trigger, time.GetUtcNow(), cancellationToken);
        var started = Stopwatch.GetTimestamp();
        if (!await TryLockAsync(lockConnection, job.Name, cancellationToken))
        {
            Log.TimerJobSkipped(logger, job.Name, trigger);
            await runs.FinishAsync(runId, time.GetUtcNow(), TimeSpan.Zero, JobRunResult.Skipped, "already running", cancellationToken);
            return JobRunResult.Skipped;
        }

        using var usage = XUsageScope.Begin(job.UsageName);
        try
        {
            await job.Run(services, cancellationToken);
        }
        catch (Exception ex)
        {
            // Recorded even when the run was cancelled: the row must not stay "running" for good.
            await runs.FinishAsync(runId, time.GetUtcNow(), Stopwatch.GetElapsedTime(started), JobRunResult.Failed, ex.ToString(), CancellationToken.None);
            throw;
        }
        finally
        {
            // Explicitly: a pooled connection keeps its session (and the lock) unless the pool resets it.
            await lockConnection.ExecuteAsync("select pg_advisory_unlock_all()");
        }

        await runs.FinishAsync(runId, time.GetUtcNow(), Stopwatch.GetElapsedTime(started), JobRunResult.Succeeded, null, CancellationToken.None);
        return JobRunResult.Succeeded;
    }

    private static Task<bool> TryLockAsync(NpgsqlConnection connection, string job, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select pg_try_advisory_lock(hashtextextended('followerloop.job:' || @job, 0))", new { job }, cancellationToken: cancellationToken));
}
