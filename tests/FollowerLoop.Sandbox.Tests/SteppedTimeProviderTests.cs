using FollowerLoop.Sandbox.Clock;
using FollowerLoop.Time;
using Microsoft.Extensions.Time.Testing;

namespace FollowerLoop.Sandbox.Tests;

public sealed class SteppedTimeProviderTests
{
    [Fact]
    public void Advance_MovesTimeAndTimestamps()
    {
        var clock = new SteppedTimeProvider(WorldFactory.Epoch);
        var start = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromHours(3));

        Assert.Equal(WorldFactory.Epoch.AddHours(3), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromHours(3), clock.GetElapsedTime(start));
    }

    [Fact]
    public void Time_NeverRunsBackwards()
    {
        var clock = new SteppedTimeProvider(WorldFactory.Epoch);

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetUtcNow(WorldFactory.Epoch.AddSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Timers_FireInDueOrderWhenTheClockPassesThem()
    {
        var clock = new SteppedTimeProvider(WorldFactory.Epoch);
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow())), null, TimeSpan.FromHours(2), Timeout.InfiniteTimeSpan);
        using var periodic = clock.CreateTimer(_ => fired.Add(("periodic", clock.GetUtcNow())), null, TimeSpan.FromMinutes(45), TimeSpan.FromMinutes(45));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal([("periodic", WorldFactory.Epoch.AddMinutes(45))], fired);

        clock.Advance(TimeSpan.FromHours(1.5));
        Assert.Equal(
            [("periodic", WorldFactory.Epoch.AddMinutes(45)), ("periodic", WorldFactory.Epoch.AddMinutes(90)), ("late", WorldFactory.Epoch.AddHours(2)), ("periodic", WorldFactory.Epoch.AddMinutes(135))],
            fired);
        Assert.Equal(WorldFactory.Epoch.AddHours(2.5), clock.GetUtcNow());
    }

    [Fact]
    public async Task Delay_CompletesWhenSteppedPastIt()
    {
        var clock = new SteppedTimeProvider(WorldFactory.Epoch);
        var delay = Task.Delay(TimeSpan.FromMinutes(10), clock, TestContext.Current.CancellationToken);

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public void AcceleratedClock_IsBuiltFromEpochRealStartAndFactor()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var options = new SandboxOptions { Clock = SandboxClockMode.Accelerated, Factor = 3600, RealStart = real.GetUtcNow() };

        var clock = Assert.IsType<AcceleratedTimeProvider>(SandboxClock.Create(options, real));
        real.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(options.Epoch.AddHours(2), clock.GetUtcNow());
    }
}
