namespace FollowerLoop.Time;

/// <summary>
/// A clock that runs <see cref="Factor"/> times faster than the real one, starting at
/// <see cref="Epoch"/> when the process' reference moment was <see cref="RealStart"/>. The sandbox
/// and the worker build it from the same epoch, real start and factor, so they agree on the time
/// without talking to each other. Timers (delays) shrink by the same factor.
/// </summary>
/// <remarks>
/// A process that runs both on one instance (the demo) can <see cref="Hold"/> it at a moment until something
/// has happened: the clock stops there, then catches up with the real one. Engine timers set in real time
/// stay right (the real-to-virtual mapping never changes), and a reading due at the held moment is taken
/// at it however long the engine takes to get there.
/// </remarks>
public sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly Lock _holdsLock = new();
    private readonly List<ClockHold> _holds = [];
    private long _ceilingTicks = long.MaxValue;

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
        var running = Epoch + ((_real.GetUtcNow() - RealStart) * Factor);
        var ceiling = Volatile.Read(ref _ceilingTicks);
        return ceiling < running.UtcTicks ? new DateTimeOffset(ceiling, TimeSpan.Zero) : running;
    }

    /// <summary>
    /// Stops the clock at <paramref name="at"/> (or where it is, if that has passed) until the hold is
    /// disposed; with several holds it stops at the earliest.
    /// </summary>
    public ClockHold Hold(DateTimeOffset at)
    {
        lock (_holdsLock)
        {
            var now = GetUtcNow();
            var hold = new ClockHold(this, at > now ? at : now);
            _holds.Add(hold);
            UpdateCeiling();
            return hold;
        }
    }

    internal void Release(ClockHold hold)
    {
        lock (_holdsLock)
        {
            if (_holds.Remove(hold))
            {
                UpdateCeiling();
            }
        }
    }

    private void UpdateCeiling() =>
        Volatile.Write(ref _ceilingTicks, _holds.Count == 0 ? long.MaxValue : _holds.Min(h => h.At.UtcTicks));

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
