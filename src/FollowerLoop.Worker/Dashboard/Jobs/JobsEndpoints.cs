using FollowerLoop.Scheduling;
using FollowerLoop.Scheduling.Durable;
using FollowerLoop.Worker.Dashboard.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Worker.Dashboard.Jobs;

/// <summary>
/// <c>/dashboard/jobs</c>: every timer job with its schedule, next run and recent runs (from <c>job_runs</c>), and
/// two POSTs: run a job now (a <see cref="RunJobOrchestrator"/> in the task hub, so whichever host runs the jobs
/// runs it) and purge finished orchestrations older than N days.
/// </summary>
internal static class JobsEndpoints
{
    private const string Page = "/dashboard/jobs";
    private const int RunsShown = 10;

    // Purging running instances would lose their timers: only finished ones go.
    private static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    public static void MapJobs(this RouteGroupBuilder dashboard, PageRenderer pages)
    {
        dashboard.MapGet("/jobs", async (HttpContext http, string? done, string? problem, JobRunStore runs, IAntiforgery antiforgery,
            IOptions<AccountOptions> account, IOptions<JobsOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            var now = time.GetUtcNow();
            var jobs = TimerJobs.All(options.Value.Schedules);
            var recent = (await runs.RecentAsync([.. jobs.Select(j => j.Name)], RunsShown, cancellationToken)).ToLookup(r => r.Job);
            return await pages.RenderAsync<JobsPage>(new JobsView
            {
                Account = account.Value.Handle,
                Now = now,
                Jobs = [.. jobs.Select(job => new JobRow(
                    job.Name, job.Cron, JobSchedules.Parse(job.Cron).GetNextOccurrence(now, TimeZoneInfo.Utc), [.. recent[job.Name]]))],
                AntiforgeryField = tokens.FormFieldName,
                AntiforgeryToken = tokens.RequestToken!,
                Notice = DashboardForms.Outcome(done, problem),
            });
        });

        dashboard.MapPost("/jobs/{name}/run", (HttpContext http, string name, DurableTaskClient client, IOptions<JobsOptions> options, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
            DashboardForms.PostAsync(http, antiforgery, Page, async () =>
            {
                if (TimerJobs.Find(options.Value.Schedules, name) is not { } job)
                {
                    return FormOutcome.Problem($"No timer job is named '{name}'.");
                }

                var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(
                    RunJobOrchestrator.Name, job.Name, new StartOrchestrationOptions($"run-job-{job.UsageName}-{Guid.NewGuid():N}"), cancellationToken);
                return FormOutcome.Done($"{job.Name} started (orchestration {instanceId}); its run appears below when it begins.");
            }));

        dashboard.MapPost("/jobs/purge", (HttpContext http, DurableTaskClient client, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
            DashboardForms.PostAsync(http, antiforgery, Page, async () =>
            {
                var form = await http.Request.ReadFormAsync(cancellationToken);
                if (!int.TryParse(form["days"], out var days) || days is < 1 or > 3650)
                {
                    return FormOutcome.Problem("Purge: days must be a whole number from 1 to 3650.");
                }

                // The task hub's times are real time, whatever the app's clock.
                var before = DateTimeOffset.UtcNow - TimeSpan.FromDays(days);
                var purged = await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(CreatedFrom: null, CreatedTo: before, Statuses: Finished), cancellationToken);
                return FormOutcome.Done($"Purged {purged.PurgedInstanceCount} finished orchestration(s) created before {before:u}.");
            }));
    }
}
