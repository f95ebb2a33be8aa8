namespace FollowerLoop.Sandbox.Clock;

/// <summary>A timer of <see cref="SteppedTimeProvider"/>: fires when the clock is stepped past its due time.</summary>
internal sealed class SteppedTimer : ITimer
{
    private readonly SteppedTimeProvider _clock;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private bool _disposed;

    public SteppedTimer(SteppedTimeProvider clock, TimerCallback callback, object? state)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
    }

    public DateTimeOffset DueAt { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed)
        {
            return false;
        }

        _period = period;
        _clock.Schedule(this, dueTime);
        return true;
    }

    public void Fire()
    {
        if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
        {
            _clock.Schedule(this, _period);
        }

        _callback(_state);
    }

    public void Dispose()
    {
        _disposed = true;
        _clock.Unschedule(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
