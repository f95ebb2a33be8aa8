using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Scheduling.Durable;

/// <summary>One run of the timer job named by the input, through the same wrapper as its schedule, marked as run by hand.</summary>
[DurableTask(Name)]
public sealed class RunJobActivity(IServiceProvider services, TimerJobExecutor executor, IOptions<JobsOptions> options)
    : TaskActivity<string, string>
{
    public const string Name = "RunTimerJob";

    public override async Task<string> RunAsync(TaskActivityContext context, string input)
    {
        var job = TimerJobs.Find(options.Value.Schedules, input)
            ?? throw new ArgumentException($"No timer job is named '{input}'; the jobs are {string.Join(", ", TimerJobs.All(options.Value.Schedules).Select(j => j.Name))}.", nameof(input));
        // Activities get no cancellation token: a host shutting down abandons the work item, which runs again.
        var result = await executor.RunAsync(job, services, JobTrigger.Manual, CancellationToken.None);
        return result.ToString();
    }
}
