using Cronos;
using FollowerLoop.Time;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Jobs;

/// <summary>
/// Accelerated time: Hangfire's cron runs on the wall clock, so here the schedules are read on the
/// virtual clock instead and each occurrence is enqueued as a Hangfire job when it comes. A run that
/// falls behind fires a missed occurrence once, not once per missed slot.
/// </summary>
internal sealed class AcceleratedRecurringScheduler(IBackgroundJobClient jobs, IOptions<JobsOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = RecurringJobs.All(options.Value.Schedules)
            .Select(j => (Definition: j, Cron: JobSchedules.Parse(j.Cron)))
            .ToList();
        var next = schedule.ToDictionary(s => s.Definition.Id, s => Next(s.Cron, time.GetUtcNow()));

        while (!stoppingToken.IsCancellationRequested)
        {
            var soonest = next.Values.Min();
            var wait = soonest - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(time.ToReal(wait), stoppingToken);
            }

            var now = time.GetUtcNow();
            foreach (var (definition, cron) in schedule.Where(s => next[s.Definition.Id] <= now))
            {
                jobs.Create(definition.Job, new EnqueuedState());
                next[definition.Id] = Next(cron, now);
            }
        }
    }

    private static DateTimeOffset Next(CronExpression cron, DateTimeOffset after) =>
        cron.GetNextOccurrence(after, TimeZoneInfo.Utc) ?? DateTimeOffset.MaxValue;
}
