using FollowerLoop.Time;
using Microsoft.Extensions.Time.Testing;

namespace FollowerLoop.Tests.Time;

/// <summary>The demo's clock stands at a held moment while the real one goes on, then catches up with it.</summary>
public sealed class ClockHoldTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _real = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly AcceleratedTimeProvider _clock;

    public ClockHoldTests() => _clock = new AcceleratedTimeProvider(Epoch, _real.GetUtcNow(), factor: 60, _real);

    [Fact]
    public void AHold_StopsTheClockAtItsMoment_AndItsReleaseCatchesUpWithTheRealClock()
    {
        var hold = _clock.Hold(Epoch.AddHours(1));

        _real.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(Epoch.AddMinutes(30), _clock.GetUtcNow());
        Assert.False(hold.IsReached);
        _real.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(Epoch.AddHours(1), _clock.GetUtcNow());
        Assert.True(hold.IsReached);

        hold.Dispose();
        Assert.Equal(Epoch.AddMinutes(90), _clock.GetUtcNow());
    }

    [Fact]
    public void AHoldOnAPassedMoment_StopsTheClockWhereItIs_NeverBack()
    {
        _real.Advance(TimeSpan.FromSeconds(10));

        using var hold = _clock.Hold(Epoch);
        _real.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(Epoch.AddMinutes(10), hold.At);
        Assert.Equal(Epoch.AddMinutes(10), _clock.GetUtcNow());
    }

    [Fact]
    public void SeveralHolds_TheEarliestStopsTheClock_AndTheNextTakesOverWhenItGoes()
    {
        var later = _clock.Hold(Epoch.AddHours(2));
        var earlier = _clock.Hold(Epoch.AddHours(1));
        _real.Advance(TimeSpan.FromHours(1));

        Assert.Equal(Epoch.AddHours(1), _clock.GetUtcNow());
        earlier.Dispose();
        Assert.Equal(Epoch.AddHours(2), _clock.GetUtcNow());
        later.Dispose();
        later.Dispose();
        Assert.Equal(Epoch.AddHours(60), _clock.GetUtcNow());
    }

    [Fact]
    public void TimersAndTheRealMapping_StayOnTheRealClock_WhileHeld()
    {
        using var hold = _clock.Hold(Epoch);

        // Engine timers are set in real time from the mapping: a hold must not move them.
        Assert.Equal(_real.GetUtcNow().AddSeconds(60).AddTicks(1), _clock.ToRealTime(Epoch.AddHours(1)));
        Assert.Equal(TimeSpan.FromSeconds(1), _clock.ToReal(TimeSpan.FromMinutes(1)));
    }
}
