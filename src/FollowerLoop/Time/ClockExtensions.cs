using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Time;

public static class ClockExtensions
{
    /// <summary>Registers the <see cref="TimeProvider"/> every component uses: the system clock or an accelerated one.</summary>
    public static IHostApplicationBuilder AddClock(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<ClockOptions>()
            .BindStrictly(builder.Configuration.GetSection(ClockOptions.SectionName))
            .ValidateAttributes();
        builder.Services.AddSingleton<TimeProvider>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ClockOptions>>().Value;
            if (options.Mode == ClockMode.Real)
            {
                return TimeProvider.System;
            }

            var realStart = options.RealStart ?? TimeProvider.System.GetUtcNow();
            return new AcceleratedTimeProvider(options.Epoch ?? realStart, realStart, options.Factor);
        });
        return builder;
    }

    /// <summary>The real time to wait for <paramref name="virtualDelay"/> to pass on <paramref name="time"/>.</summary>
    public static TimeSpan ToReal(this TimeProvider time, TimeSpan virtualDelay) =>
        time is AcceleratedTimeProvider accelerated ? accelerated.ToReal(virtualDelay) : virtualDelay;

    /// <summary>The real moment at which <paramref name="time"/> reads <paramref name="virtualTime"/>.</summary>
    public static DateTimeOffset ToRealTime(this TimeProvider time, DateTimeOffset virtualTime) =>
        time is AcceleratedTimeProvider accelerated ? accelerated.ToRealTime(virtualTime) : virtualTime;

    /// <summary>
    /// Waits until <paramref name="time"/> reads <paramref name="at"/>. A timer may wake a little early (its due
    /// time is kept in whole milliseconds, over a second on a fast virtual clock), so one delay is not enough: a
    /// timer job started before its occurrence found the same occurrence next and ran again and again.
    /// </summary>
    public static async Task DelayUntilAsync(this TimeProvider time, DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (var wait = at - time.GetUtcNow(); wait > TimeSpan.Zero; wait = at - time.GetUtcNow())
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>How much virtual time passes on <paramref name="time"/> during <paramref name="realDuration"/>.</summary>
    public static TimeSpan ToVirtual(this TimeProvider time, TimeSpan realDuration) =>
        time is AcceleratedTimeProvider accelerated ? realDuration * accelerated.Factor : realDuration;
}
