namespace FollowerLoop.Sandbox.Clock;

/// <summary>
/// A clock that moves only when told to (<see cref="Advance"/>, <see cref="SetUtcNow"/>), so a benchmark can
/// run hundreds of simulated days in seconds and get the same result every time. Timers fire, in due order,
/// when the clock is moved past their due time.
/// </summary>
public sealed class SteppedTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<SteppedTimer> _timers = [];
    private DateTimeOffset _now;

    public SteppedTimeProvider(DateTimeOffset start)
    {
        _now = start;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    // Timestamps follow the stepped time too, so GetElapsedTime measures simulated time.
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        SetUtcNow(GetUtcNow() + by);
    }

    /// <summary>Moves the clock forward to <paramref name="to"/>; time never runs backwards.</summary>
    public void SetUtcNow(DateTimeOffset to)
    {
        lock (_lock)
        {
            if (to < _now)
            {
                throw new ArgumentOutOfRangeException(nameof(to), to, $"The stepped clock is at {_now:O} and cannot go back.");
            }
        }

        while (TakeNextDue(to) is { } timer)
        {
            timer.Fire();
        }

        lock (_lock)
        {
            _now = to;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new SteppedTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    internal void Schedule(SteppedTimer timer, TimeSpan dueTime)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                timer.DueAt = _now + dueTime;
                _timers.Add(timer);
            }
        }
    }

    internal void Unschedule(SteppedTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    // Removes the earliest timer due by 'limit' and moves the clock to its due time, so its callback sees that time.
    private SteppedTimer? TakeNextDue(DateTimeOffset limit)
    {
        lock (_lock)
        {
            SteppedTimer? next = null;
            foreach (var timer in _timers)
            {
                if (timer.DueAt <= limit && (next is null || timer.DueAt < next.DueAt))
                {
                    next = timer;
                }
            }

            if (next is not null)
            {
                _timers.Remove(next);
                _now = next.DueAt;
            }

            return next;
        }
    }
}
