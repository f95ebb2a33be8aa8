using FollowerLoop.Scheduling;
using FollowerLoop.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FollowerLoop.Tests.Scheduling;

/// <summary>The wrapper every timer-job run goes through, on the real Postgres: what it records, and no overlap.</summary>
public sealed class TimerJobExecutorTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 9, 30, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _clock = new(Now);

    [Fact]
    public async Task ARun_IsRecordedWithItsTriggerTimesAndResult()
    {
        await using var services = JobServices.Build(db, _clock);
        var job = new TimerJob($"Ok{Guid.NewGuid():N}", "0 * * * *", (_, _) =>
        {
            _clock.Advance(TimeSpan.FromMinutes(2));
            return Task.CompletedTask;
        });

        var result = await services.GetRequiredService<TimerJobExecutor>().RunAsync(job, services, JobTrigger.Manual, Ct);

        var run = Assert.Single(await RunsOfAsync(job.Name));
        Assert.Equal(JobRunResult.Succeeded, result);
        Assert.Equal(("manual", "succeeded", Now, Now.AddMinutes(2)), (run.Trigger, run.Result, run.StartedAt, run.FinishedAt));
        Assert.NotNull(run.DurationMs);
        Assert.Null(run.Error);
        Assert.Equal(Environment.MachineName, run.Host);
    }

    [Fact]
    public async Task AFailedRun_IsRecordedWithItsError_AndTheFailureStillReachesTheCaller()
    {
        await using var services = JobServices.Build(db, _clock);
        var job = new TimerJob($"Broken{Guid.NewGuid():N}", "0 * * * *", (_, _) => throw new InvalidOperationException("X answered 503 three times"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetRequiredService<TimerJobExecutor>().RunAsync(job, services, JobTrigger.Schedule, Ct));

        var run = Assert.Single(await RunsOfAsync(job.Name));
        Assert.Equal(("schedule", "failed"), (run.Trigger, run.Result));
        Assert.StartsWith("System.InvalidOperationException: X answered 503 three times", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunWhileTheSameJobRuns_IsSkippedAndRecorded_AndTheJobCanRunAgainAfterwards()
    {
        await using var services = JobServices.Build(db, _clock);
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var calls = 0;
        var job = new TimerJob($"Slow{Guid.NewGuid():N}", "0 * * * *", async (_, ct) =>
        {
            Interlocked.Increment(ref calls);
            started.TrySetResult();
            await release.Task.WaitAsync(ct);
        });
        var executor = services.GetRequiredService<TimerJobExecutor>();

        var first = executor.RunAsync(job, services, JobTrigger.Schedule, Ct);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var second = await executor.RunAsync(job, services, JobTrigger.Manual, Ct);
        release.SetResult();
        await first;
        var third = await executor.RunAsync(job, services, JobTrigger.Manual, Ct);

        Assert.Equal((JobRunResult.Skipped, JobRunResult.Succeeded, 2), (second, third, calls));
        Assert.Equal(["succeeded", "skipped", "succeeded"], (await RunsOfAsync(job.Name)).OrderBy(r => r.Id).Select(r => r.Result));
    }

    private async Task<IReadOnlyList<JobRun>> RunsOfAsync(string job) =>
        await new JobRunStore(db.DataSource).RecentAsync([job], 50, Ct);
}
