using Cronos;
using FollowerLoop.Jobs;
using FollowerLoop.Sandbox.Clock;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;

namespace FollowerLoop.Bench.Learning;

/// <summary>
/// Runs FollowerLoop's real job classes in virtual time, as the job engine would: the recurring jobs at their
/// cron times and the delayed jobs (checkpoints) when due, in time order, moving the stepped clock to each.
/// </summary>
internal sealed class VirtualTimeline(IServiceProvider services, SteppedTimeProvider clock, VirtualJobClient delayed)
{
    /// <summary>Runs <paramref name="recurring"/> and the delayed jobs until <paramref name="done"/> holds or the clock reaches <paramref name="until"/>.</summary>
    public async Task RunAsync(IReadOnlyList<RecurringJobDefinition> recurring, DateTimeOffset until, Func<bool> done, CancellationToken cancellationToken)
    {
        var crons = recurring.Select(r => CronExpression.Parse(r.Cron, CronFormat.Standard)).ToList();
        var next = crons.Select(c => Next(c, clock.GetUtcNow(), inclusive: true)).ToArray();
        while (!done())
        {
            var at = new[] { delayed.NextDue ?? DateTimeOffset.MaxValue, next.Min() }.Min();
            if (at > until)
            {
                clock.SetUtcNow(until);
                return;
            }

            if (at > clock.GetUtcNow())
            {
                clock.SetUtcNow(at);
            }

            while (delayed.TakeDue(clock.GetUtcNow()) is { } job)
            {
                await InvokeAsync(job, cancellationToken);
            }

            for (var i = 0; i < recurring.Count; i++)
            {
                if (next[i] <= clock.GetUtcNow())
                {
                    await InvokeAsync(recurring[i].Job, cancellationToken);
                    next[i] = Next(crons[i], clock.GetUtcNow(), inclusive: false);
                }
            }
        }
    }

    private async Task InvokeAsync(Job job, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var instance = ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, job.Type);
        var parameters = job.Method.GetParameters();
        var arguments = job.Args.Select((a, i) => parameters[i].ParameterType == typeof(CancellationToken) ? cancellationToken : a).ToArray();
        await (Task)job.Method.Invoke(instance, arguments)!;
    }

    private static DateTimeOffset Next(CronExpression cron, DateTimeOffset after, bool inclusive) =>
        cron.GetNextOccurrence(after.UtcDateTime, inclusive) is { } next ? new DateTimeOffset(next, TimeSpan.Zero) : DateTimeOffset.MaxValue;
}
