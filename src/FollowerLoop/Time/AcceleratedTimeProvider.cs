namespace FollowerLoop.Time;

/// <summary>
/// A clock that runs <see cref="Factor"/> times faster than the real one, starting at
/// <see cref="Epoch"/> when the process' reference moment was <see cref="RealStart"/>. The sandbox
/// and the worker build it from the same epoch, real start and factor, so they agree on the time
/// without talking to each other. Timers (delays) shrink by the same factor.
/// </summary>
public sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly TimeProvider _real;

    public AcceleratedTimeProvider(DateTimeOffset epoch, DateTimeOffset realStart, double factor, TimeProvider? real = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1.0);
        Epoch = epoch;
        RealStart = realStart;
        Factor = factor;
        _real = real ?? System;
    }

    public DateTimeOffset Epoch { get; }

    public DateTimeOffset RealStart { get; }

    public double Factor { get; }

    public override DateTimeOffset GetUtcNow()
    {
        var realElapsed = _real.GetUtcNow() - RealStart;
        return Epoch + (realElapsed * Factor);
    }

    /// <summary>How long to wait in real time for <paramref name="virtualDelay"/> to pass on this clock.</summary>
    public TimeSpan ToReal(TimeSpan virtualDelay) => virtualDelay / Factor;

    /// <summary>
    /// The real moment at which this clock reads <paramref name="virtualTime"/>, rounded up by a tick so
    /// that an engine timer set on the real clock never lands before it.
    /// </summary>
    public DateTimeOffset ToRealTime(DateTimeOffset virtualTime) => RealStart + ((virtualTime - Epoch) / Factor) + TimeSpan.FromTicks(1);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _real.CreateTimer(
            callback,
            state,
            dueTime == Timeout.InfiniteTimeSpan ? dueTime : ToReal(dueTime),
            period == Timeout.InfiniteTimeSpan ? period : ToReal(period));
}
