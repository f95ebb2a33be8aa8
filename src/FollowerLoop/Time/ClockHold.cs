namespace FollowerLoop.Time;

/// <summary>An <see cref="AcceleratedTimeProvider"/> stopped at <see cref="At"/> until this is disposed.</summary>
public sealed class ClockHold : IDisposable
{
    private readonly AcceleratedTimeProvider _clock;

    internal ClockHold(AcceleratedTimeProvider clock, DateTimeOffset at)
    {
        _clock = clock;
        At = at;
    }

    public DateTimeOffset At { get; }

    /// <summary>Whether the clock has reached the hold (and stands there, unless an earlier hold keeps it back).</summary>
    public bool IsReached => _clock.GetUtcNow() >= At;

    public void Dispose() => _clock.Release(this);
}
