using FollowerLoop.Scheduling;
using FollowerLoop.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Tests.Scheduling;

public sealed class TimerJobRunnerTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 6, 2, 0, TimeSpan.Zero);

    [Fact]
    public async Task TimersThatWakeEarly_RunTheJobOncePerOccurrence_NeverBeforeIt()
    {
        var clock = new EarlyWakingClock(Start);
        var runs = new List<DateTimeOffset>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var job = new TimerJob("Posting", "*/5 * * * *", (_, _) =>
        {
            runs.Add(clock.GetUtcNow());
            if (runs.Count == 12)
            {
                stop.Cancel();
            }

            return Task.CompletedTask;
        });
        await using var services = JobServices.Build(db, clock);
        var runner = new TimerJobRunner(services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new JobsOptions()), clock, NullLogger<TimerJobRunner>.Instance);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunOnScheduleAsync(job, stop.Token));

        var occurrences = Enumerable.Range(0, 12).Select(i => new DateTimeOffset(2026, 1, 5, 6, 5, 0, TimeSpan.Zero).AddMinutes(5 * i)).ToList();
        Assert.Equal(occurrences.Count, runs.Count);
        Assert.All(runs.Zip(occurrences), pair => Assert.InRange(pair.First, pair.Second, pair.Second.AddMilliseconds(1)));
    }

    /// <summary>
    /// A clock that moves only when a timer fires, and whose timers fire a millisecond before they are due (as a
    /// real timer may, its due time kept in whole milliseconds): the case that ran a job again and again.
    /// </summary>
    private sealed class EarlyWakingClock(DateTimeOffset start) : TimeProvider
    {
        private static readonly TimeSpan Early = TimeSpan.FromMilliseconds(1);
        private readonly Lock _gate = new();
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow()
        {
            lock (_gate)
            {
                return _now;
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                _now += dueTime > Early ? dueTime - Early : dueTime;
            }

            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return new FiredTimer();
        }

        private sealed class FiredTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => false;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
