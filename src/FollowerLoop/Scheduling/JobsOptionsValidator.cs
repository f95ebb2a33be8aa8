using Cronos;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Scheduling;

/// <summary>Every schedule must be a valid cron expression: five fields, or six with seconds (NCRONTAB).</summary>
internal sealed class JobsOptionsValidator : IValidateOptions<JobsOptions>
{
    public ValidateOptionsResult Validate(string? name, JobsOptions options)
    {
        var failures = new List<string>();
        foreach (var (job, cron) in options.Schedules.All())
        {
            try
            {
                JobSchedules.Parse(cron);
            }
            catch (CronFormatException ex)
            {
                failures.Add($"Jobs:Schedules:{job} '{cron}' is not a valid cron expression (minute hour day month weekday, or NCRONTAB's second minute hour day month weekday): {ex.Message}");
            }
            catch (ArgumentNullException)
            {
                failures.Add($"Jobs:Schedules:{job} is empty; give a cron expression such as \"0 * * * *\".");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
