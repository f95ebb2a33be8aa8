using FollowerLoop.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Scheduling;

/// <summary>
/// The Functions timer triggers without the Functions host: each job on its cron, read on the clock
/// (virtual in accelerated mode), in a scope of its own. Like a Functions timer, a job never overlaps
/// itself: an occurrence that falls while the previous run is still going is skipped, not queued.
/// </summary>
public sealed class TimerJobRunner(IServiceScopeFactory scopes, IOptions<JobsOptions> options, TimeProvider time, ILogger<TimerJobRunner> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(TimerJobs.All(options.Value.Schedules).Select(job => RunOnScheduleAsync(job, stoppingToken)));

    internal async Task RunOnScheduleAsync(TimerJob job, CancellationToken stoppingToken)
    {
        var cron = JobSchedules.Parse(job.Cron);
        // Once a run is over the clock is past its occurrence: those that fell during the run are skipped.
        while (cron.GetNextOccurrence(time.GetUtcNow(), TimeZoneInfo.Utc) is { } next)
        {
            await time.DelayUntilAsync(next, stoppingToken);
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<TimerJobExecutor>().RunAsync(job, scope.ServiceProvider, JobTrigger.Schedule, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // As a Functions timer: the failure is logged and the next occurrence runs as usual.
                Log.TimerJobFailed(logger, job.Name, ex);
            }
        }
    }
}
