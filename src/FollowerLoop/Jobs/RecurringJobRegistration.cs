using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Jobs;

/// <summary>Real time: registers every recurring job with Hangfire (idempotent: same ids, updated schedules).</summary>
internal sealed class RecurringJobRegistration(IRecurringJobManager manager, IOptions<JobsOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var job in RecurringJobs.All(options.Value.Schedules))
        {
            manager.AddOrUpdate(job.Id, job.Job, job.Cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
